import { BotInUseError } from './bot-in-use-error';
import type { Tx } from './create-db';
import type { Bot } from './generated/client';
import { NotFoundError } from './not-found-error';
import { runInTransaction } from './run-in-transaction';

/**
 * Deletes bot `botId` with everything that belongs to it alone (cascading: its
 * versions, sessions with their timers and calls, CSAT responses and analytics
 * events; messages and Inbox conversations of those sessions stay, detached). Refused
 * with BotInUseError, nothing deleted, while any channel routes to the bot; a channel
 * is never deleted along with it. NotFoundError if there is no such bot. Returns the
 * deleted row.
 *
 * The bot's row is locked first, so a channel created for it concurrently either is
 * seen here (refused) or waits and then fails its foreign key: a channel is never
 * silently cascaded away.
 */
export async function deleteBot(db: Tx, botId: string): Promise<Bot> {
  return runInTransaction(db, async (tx) => {
    const locked = await tx.$executeRaw`SELECT 1 FROM "Bot" WHERE "id" = ${botId} FOR UPDATE`;
    if (locked === 0) throw new NotFoundError('Bot', botId);
    const channels = await tx.channel.findMany({ where: { botId }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    if (channels.length > 0) throw new BotInUseError(botId, channels);
    return tx.bot.delete({ where: { id: botId } });
  });
}
