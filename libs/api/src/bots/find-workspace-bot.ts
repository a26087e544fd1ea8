import { TRPCError } from '@trpc/server';
import { getBot, type Tx } from '@parley/db';
import type { WorkspaceRef } from '../create-context';

export type BotRow = NonNullable<Awaited<ReturnType<typeof getBot>>>;

/**
 * The bot with this id in this workspace. NOT_FOUND when it does not exist or
 * belongs to another workspace: callers cannot tell the two apart, so ids of
 * other workspaces' bots are not confirmed.
 */
export async function findWorkspaceBot(db: Tx, workspace: WorkspaceRef, botId: string): Promise<BotRow> {
  const bot = await getBot(db, botId);
  if (!bot || bot.workspaceId !== workspace.id) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `Bot ${botId} not found in workspace ${workspace.slug}` });
  }
  return bot;
}
