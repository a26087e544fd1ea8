import type { Tx } from './create-db';
import type { Bot } from './generated/client';
import { NotFoundError } from './not-found-error';

export type UpdateBotInput = {
  /** The new name; absent: unchanged. */
  name?: string;
  /** The new description, null to clear it; absent: unchanged. */
  description?: string | null;
};

/** Renames and/or re-describes bot `botId`; its draft and revision stay as they are. NotFoundError if there is no such bot. */
export async function updateBot(db: Tx, botId: string, input: UpdateBotInput): Promise<Bot> {
  const [updated] = await db.bot.updateManyAndReturn({
    where: { id: botId },
    data: {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.description === undefined ? {} : { description: input.description }),
    },
  });
  if (!updated) throw new NotFoundError('Bot', botId);
  return updated;
}
