import type { Tx } from './create-db';
import type { BotVersion } from './generated/client';
import { NotFoundError } from './not-found-error';
import type { PublishBotOptions } from './publish-bot';
import { runInTransaction } from './run-in-transaction';
import { toJsonInput, type JsonValue } from './to-json-input';

/**
 * Turns the draft read under the bot's row lock into the flow to publish (e.g.
 * with the used components embedded). Runs inside the publishing transaction:
 * reads through `tx` see the same snapshot, and throwing publishes nothing.
 */
export type BuildPublishedFlow = (draft: JsonValue, tx: Tx) => Promise<unknown>;

/**
 * Like publishBot, but the version's flow is what `build` makes of the draft:
 * the draft is read under the bot's row lock, so the flow published is built
 * from exactly the draft that was current when the version got its number
 * (a save landing meanwhile waits for nothing and is simply not included).
 * Numbers are one above the highest existing one, serialized by the lock. The draft
 * itself is kept beside the flow as the version's `source` (what its author wrote).
 * NotFoundError if the bot does not exist; `build`'s errors are rethrown.
 *
 * Given a `Db`, runs in a transaction of its own; given a `Tx` (e.g. the API's
 * withWorkspaceScope), runs in that one, and the bot stays locked until it ends.
 */
export async function publishBotFlow(db: Tx, botId: string, build: BuildPublishedFlow, options: PublishBotOptions = {}): Promise<BotVersion> {
  return runInTransaction(db, async (tx) => {
    const locked = await tx.$executeRaw`SELECT 1 FROM "Bot" WHERE "id" = ${botId} FOR UPDATE`;
    if (locked === 0) throw new NotFoundError('Bot', botId);
    const bot = await tx.bot.findUniqueOrThrow({ where: { id: botId }, select: { draft: true } });
    const flow = await build(bot.draft, tx);
    const latest = await tx.botVersion.aggregate({ where: { botId }, _max: { number: true } });
    return tx.botVersion.create({
      data: {
        botId,
        number: (latest._max.number ?? 0) + 1,
        flow: toJsonInput(flow),
        source: toJsonInput(bot.draft),
        publishedBy: options.publishedBy ?? null,
        note: options.note ?? null,
      },
    });
  });
}
