import { TRPCError } from '@trpc/server';
import { getBotVersionByNumber, type BotVersion, type Tx } from '@parley/db';
import type { BotRow } from './find-workspace-bot';

/** Version `number` of `bot` (a bot of the caller's workspace); NOT_FOUND naming the bot and number when it has none. */
export async function findBotVersion(db: Tx, bot: Pick<BotRow, 'id' | 'name'>, number: number): Promise<BotVersion> {
  const version = await getBotVersionByNumber(db, bot.id, number);
  if (!version) throw new TRPCError({ code: 'NOT_FOUND', message: `Bot "${bot.name}" has no version ${number}` });
  return version;
}
