import type { Tx } from './create-db';

export type BotSummary = {
  id: string;
  name: string;
  description: string | null;
  updatedAt: Date;
  /** Number of the newest published version, or null if never published. */
  latestVersionNumber: number | null;
};

/** A workspace's bots, most recently edited first. */
export async function listBots(db: Tx, workspaceId: string): Promise<BotSummary[]> {
  const bots = await db.bot.findMany({
    where: { workspaceId },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      description: true,
      updatedAt: true,
      versions: { select: { number: true }, orderBy: { number: 'desc' }, take: 1 },
    },
  });
  return bots.map(({ versions, ...bot }) => ({ ...bot, latestVersionNumber: versions[0]?.number ?? null }));
}
