import type { Tx } from './create-db';
import type { BotVersion } from './generated/client';

/** The bot's highest-numbered published version, or null if it was never published. */
export async function getLatestVersion(db: Tx, botId: string): Promise<BotVersion | null> {
  return db.botVersion.findFirst({ where: { botId }, orderBy: { number: 'desc' } });
}
