import type { Tx } from './create-db';
import type { Bot } from './generated/client';

/** The bot with its current draft, or null. */
export async function getBot(db: Tx, botId: string): Promise<Bot | null> {
  return db.bot.findUnique({ where: { id: botId } });
}
