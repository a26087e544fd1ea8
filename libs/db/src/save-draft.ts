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
};

/**
 * Replaces a bot's draft and bumps `draftRevision`, atomically. With
 * `expectedRevision`, the write happens only if the draft is still at that
 * revision; otherwise StaleDraftError (nothing written). NotFoundError if the
 * bot does not exist.
 */
export async function saveDraft(db: Tx, input: SaveDraftInput): Promise<Bot> {
  const { botId, expectedRevision } = input;
  const [saved] = await db.bot.updateManyAndReturn({
    where: expectedRevision === undefined ? { id: botId } : { id: botId, draftRevision: expectedRevision },
    data: { draft: toJsonInput(input.draft), draftRevision: { increment: 1 } },
  });
  if (saved) return saved;
  const current = await db.bot.findUnique({ where: { id: botId }, select: { draftRevision: true } });
  if (!current) throw new NotFoundError('Bot', botId);
  throw new StaleDraftError(botId, expectedRevision ?? current.draftRevision, current.draftRevision);
}
