import { getLatestVersion, type Bot, type Tx } from '@parley/db';
import type { BotSummary } from './bot-schemas';

/** A bot row as `bots.list` shows it (one more read: its latest version's number). */
export async function toBotSummary(db: Tx, bot: Pick<Bot, 'id' | 'name' | 'description' | 'updatedAt'>): Promise<BotSummary> {
  const latest = await getLatestVersion(db, bot.id);
  return { id: bot.id, name: bot.name, description: bot.description, updatedAt: bot.updatedAt.toISOString(), latestVersion: latest?.number ?? null };
}
