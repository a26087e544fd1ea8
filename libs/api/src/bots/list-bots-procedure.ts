import { z } from 'zod';
import { listBots } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { botSummarySchema } from './bot-schemas';

/** `bots.list`: the workspace's bots, most recently edited first. */
export const listBotsProcedure = roleProcedure('analyst').output(z.array(botSummarySchema)).query(async ({ ctx }) => {
  const bots = await listBots(ctx.db, ctx.workspace.id);
  return bots.map((bot) => ({
    id: bot.id,
    name: bot.name,
    description: bot.description,
    updatedAt: bot.updatedAt.toISOString(),
    latestVersion: bot.latestVersionNumber,
  }));
});
