import type { Tx } from './create-db';
import { findUserNames } from './find-user-names';

/** Where a bot's draft stands: its revision, when the bot last changed, and who saved the draft last. */
export type BotDraftState = {
  draftRevision: number;
  updatedAt: Date;
  /** Null when an API key saved it, it was saved before savers were recorded, or the user no longer exists. */
  updatedBy: { id: string; name: string } | null;
};

/**
 * The draft state of bot `ref.botId` of workspace `ref.workspaceId`, or null when that
 * workspace has no such bot. Two primary-key reads that never load the draft (the bot's
 * revision columns, then the saver's name): cheap enough for editors polling every few seconds.
 */
export async function getBotDraftState(db: Tx, ref: { workspaceId: string; botId: string }): Promise<BotDraftState | null> {
  const bot = await db.bot.findFirst({
    where: { id: ref.botId, workspaceId: ref.workspaceId },
    select: { draftRevision: true, updatedAt: true, draftUpdatedBy: true },
  });
  if (!bot) return null;
  const savedBy = bot.draftUpdatedBy;
  const name = savedBy === null ? undefined : (await findUserNames(db, [savedBy])).get(savedBy);
  return {
    draftRevision: bot.draftRevision,
    updatedAt: bot.updatedAt,
    updatedBy: savedBy !== null && name !== undefined ? { id: savedBy, name } : null,
  };
}
