import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { NotFoundError, publishBot } from '@parley/db';
import { requireValidFlow } from '../require-valid-flow';
import { workspaceProcedure } from '../workspace-procedure';
import { botIdSchema, publishedVersionSchema } from './bot-schemas';
import { findWorkspaceBot } from './find-workspace-bot';

export const publishBotInputSchema = z.object({ id: botIdSchema });

/**
 * `bots.publish`: validates the current draft again (rules may have changed
 * since it was saved) and publishes it as the next immutable version. Invalid →
 * BAD_REQUEST with `data.issues`, nothing published. Returns the version number.
 *
 * publishBot re-reads the draft in its own transaction; a save landing in
 * between is published instead, which is safe because saves only store valid
 * drafts.
 */
export const publishBotProcedure = workspaceProcedure.input(publishBotInputSchema).output(publishedVersionSchema).mutation(async ({ ctx, input }) => {
  const bot = await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
  const warnings = requireValidFlow('Draft', bot.draft);
  try {
    const version = await publishBot(ctx.db, bot.id);
    return { version: version.number, publishedAt: version.publishedAt.toISOString(), warnings };
  } catch (error) {
    if (error instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
    throw error;
  }
});
