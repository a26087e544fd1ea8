import { z } from 'zod';
import { listBotVersions } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { botIdSchema, botVersionSummarySchema } from './bot-schemas';
import { findWorkspaceBot } from './find-workspace-bot';

export const listVersionsInputSchema = z.object({ id: botIdSchema });

/**
 * `bots.versions`: the bot's published versions, newest first: number, when, the
 * publisher's note and who published (null for an API key, or an account that no longer
 * exists). No flows: `bots.version` reads one. NOT_FOUND for a bot of another workspace.
 */
export const listVersionsProcedure = roleProcedure('analyst')
  .input(listVersionsInputSchema)
  .output(z.array(botVersionSummarySchema))
  .query(async ({ ctx, input }) => {
    const bot = await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
    const versions = await listBotVersions(ctx.db, bot.id);
    return versions.map((version) => ({ ...version, publishedAt: version.publishedAt.toISOString() }));
  });
