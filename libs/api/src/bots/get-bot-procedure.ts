import { z } from 'zod';
import { getLatestVersion } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { botDetailSchema, botIdSchema } from './bot-schemas';
import { findWorkspaceBot } from './find-workspace-bot';

export const getBotInputSchema = z.object({ id: botIdSchema });

/** `bots.get`: one bot of the workspace with its draft and latest published version; NOT_FOUND otherwise. */
export const getBotProcedure = roleProcedure('analyst')
  .input(getBotInputSchema)
  .output(botDetailSchema)
  .query(async ({ ctx, input }) => {
    const bot = await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
    const latest = await getLatestVersion(ctx.db, bot.id);
    return {
      id: bot.id,
      name: bot.name,
      description: bot.description,
      draft: bot.draft,
      draftRevision: bot.draftRevision,
      createdAt: bot.createdAt.toISOString(),
      updatedAt: bot.updatedAt.toISOString(),
      latestVersion: latest ? { number: latest.number, publishedAt: latest.publishedAt.toISOString() } : null,
    };
  });
