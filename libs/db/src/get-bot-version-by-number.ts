import type { Tx } from './create-db';
import type { BotVersion } from './generated/client';

/** Version `number` of bot `botId`, or null when the bot has no such version. */
export async function getBotVersionByNumber(db: Tx, botId: string, number: number): Promise<BotVersion | null> {
  return db.botVersion.findUnique({ where: { botId_number: { botId, number } } });
}
