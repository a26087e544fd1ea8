import type { Tx } from './create-db';
import { findUserNames } from './find-user-names';

/** One published version as a history list shows it (no flow). */
export type BotVersionSummary = {
  number: number;
  publishedAt: Date;
  note: string | null;
  /** Null when an API key published it, or the user no longer exists. */
  publishedBy: { id: string; name: string } | null;
};

/** The published versions of bot `botId`, newest first, with their publishers' names (two queries). */
export async function listBotVersions(db: Tx, botId: string): Promise<BotVersionSummary[]> {
  const versions = await db.botVersion.findMany({
    where: { botId },
    orderBy: { number: 'desc' },
    select: { number: true, publishedAt: true, note: true, publishedBy: true },
  });
  const names = await findUserNames(
    db,
    versions.flatMap((version) => (version.publishedBy === null ? [] : [version.publishedBy])),
  );
  return versions.map(({ publishedBy, ...version }) => {
    const name = publishedBy === null ? undefined : names.get(publishedBy);
    return { ...version, publishedBy: publishedBy !== null && name !== undefined ? { id: publishedBy, name } : null };
  });
}
