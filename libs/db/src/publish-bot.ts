import type { Tx } from './create-db';
import type { BotVersion } from './generated/client';
import { NotFoundError } from './not-found-error';
import { runInTransaction } from './run-in-transaction';
import { toJsonInput } from './to-json-input';

export type PublishBotOptions = {
  /** User id of the publisher. */
  publishedBy?: string | null;
  /** What the publisher says about the version (BotVersion.note). */
  note?: string | null;
};

/**
 * Publishes a bot's current draft as a new immutable BotVersion numbered one
 * above the highest existing number (1 for the first). Concurrent publishes of
 * the same bot serialize on the bot's row lock, so they never get the same
 * number. NotFoundError if the bot does not exist.
 *
 * Given a `Db`, runs in a transaction of its own; given a `Tx` (e.g. the API's
 * withWorkspaceScope), runs in that one, and the bot stays locked until it ends.
 */
export async function publishBot(db: Tx, botId: string, options: PublishBotOptions = {}): Promise<BotVersion> {
  return runInTransaction(db, (tx) => publishBotInTransaction(tx, botId, options));
}

/**
 * `publishBot` inside the caller's transaction. The bot row stays locked until
 * that transaction ends. Must run in a transaction: outside one the row lock
 * is released at once, and a concurrent publish fails on the unique
 * (botId, number) constraint instead of waiting.
 */
export async function publishBotInTransaction(tx: Tx, botId: string, options: PublishBotOptions = {}): Promise<BotVersion> {
  const locked = await tx.$executeRaw`SELECT 1 FROM "Bot" WHERE "id" = ${botId} FOR UPDATE`;
  if (locked === 0) throw new NotFoundError('Bot', botId);
  const bot = await tx.bot.findUniqueOrThrow({ where: { id: botId }, select: { draft: true } });
  const latest = await tx.botVersion.aggregate({ where: { botId }, _max: { number: true } });
  return tx.botVersion.create({
    data: {
      botId,
      number: (latest._max.number ?? 0) + 1,
      flow: toJsonInput(bot.draft),
      publishedBy: options.publishedBy ?? null,
      note: options.note ?? null,
    },
  });
}
