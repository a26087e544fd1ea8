import type { Tx } from './create-db';
import type { Bot } from './generated/client';
import { NotFoundError } from './not-found-error';
import { StaleDraftError } from './stale-draft-error';
import { toJsonInput } from './to-json-input';

export type SaveDraftInput = {
  botId: string;
  /** The flow document; any JSON-serializable value. */
  draft: unknown;
  /** The revision the editor loaded; omit to overwrite unconditionally. */
  expectedRevision?: number;
  /** User id of whoever saves (recorded as Bot.draftUpdatedBy); null or absent for an API key. */
  updatedBy?: string | null;
};

/**
 * Replaces a bot's draft, bumps `draftRevision` and records who saved
 * (`draftUpdatedBy`), atomically. With `expectedRevision`, the write happens only if
 * the draft is still at that revision; otherwise StaleDraftError naming the current
 * revision and its saver (nothing written). NotFoundError if the bot does not exist.
 */
export async function saveDraft(db: Tx, input: SaveDraftInput): Promise<Bot> {
  const { botId, expectedRevision } = input;
  const [saved] = await db.bot.updateManyAndReturn({
    where: expectedRevision === undefined ? { id: botId } : { id: botId, draftRevision: expectedRevision },
    data: { draft: toJsonInput(input.draft), draftRevision: { increment: 1 }, draftUpdatedBy: input.updatedBy ?? null },
  });
  if (saved) return saved;
  const current = await db.bot.findUnique({ where: { id: botId }, select: { draftRevision: true, draftUpdatedBy: true } });
  if (!current) throw new NotFoundError('Bot', botId);
  throw new StaleDraftError(botId, expectedRevision ?? current.draftRevision, current.draftRevision, current.draftUpdatedBy);
}
