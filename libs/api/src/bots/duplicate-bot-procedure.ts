import { z } from 'zod';
import { createBot } from '@parley/db';
import { recordAudit } from '../access/record-audit';
import { roleProcedure } from '../workspace-procedure';
import { botIdSchema, botNameSchema, botRefSchema } from './bot-schemas';
import { callerUserId } from './caller-user-id';
import { copyName } from './copy-name';
import { findWorkspaceBot } from './find-workspace-bot';

export const duplicateBotInputSchema = z.object({
  id: botIdSchema,
  /** The copy's name; default "Copy of <name>" (cut to 100 characters). */
  name: botNameSchema.optional(),
});

/**
 * `bots.duplicate`: a new bot in the same workspace with a copy of the bot's draft as it
 * is now (errors of a work-in-progress draft included) and its description, at revision
 * 0, saved by the caller. Versions, channels, sessions and analytics are not copied: the
 * copy has never been published. Audited as `bot.duplicated` on the new bot, naming the
 * original. Returns the new bot's id. NOT_FOUND for a bot of another workspace.
 */
export const duplicateBotProcedure = roleProcedure('builder')
  .input(duplicateBotInputSchema)
  .output(botRefSchema)
  .mutation(async ({ ctx, input }) => {
    const bot = await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
    const name = input.name ?? copyName(bot.name);
    const copy = await createBot(ctx.db, {
      workspaceId: ctx.workspace.id,
      name,
      description: bot.description,
      draft: bot.draft,
      draftUpdatedBy: callerUserId(ctx.principal),
    });
    await recordAudit(ctx, 'bot.duplicated', { type: 'bot', id: copy.id }, { name, from: { id: bot.id, name: bot.name } });
    return { id: copy.id };
  });
