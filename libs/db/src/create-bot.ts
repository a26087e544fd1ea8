import type { Tx } from './create-db';
import type { Bot } from './generated/client';
import { toJsonInput } from './to-json-input';

export type CreateBotInput = {
  workspaceId: string;
  name: string;
  description?: string | null;
  /** The flow document; any JSON-serializable value. */
  draft: unknown;
  /** User id of whoever wrote this first draft (Bot.draftUpdatedBy); null or absent for an API key. */
  draftUpdatedBy?: string | null;
};

/** Creates a bot with its first draft (revision 0) and no published version. */
export async function createBot(db: Tx, input: CreateBotInput): Promise<Bot> {
  return db.bot.create({
    data: {
      workspaceId: input.workspaceId,
      name: input.name,
      description: input.description ?? null,
      draft: toJsonInput(input.draft),
      draftUpdatedBy: input.draftUpdatedBy ?? null,
    },
  });
}
