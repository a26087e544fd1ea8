import { z } from 'zod';
import { updateBot, type UpdateBotInput } from '@parley/db';
import { recordAudit } from '../access/record-audit';
import { roleProcedure } from '../workspace-procedure';
import { botDescriptionSchema, botIdSchema, botNameSchema, botSummarySchema } from './bot-schemas';
import { findWorkspaceBot } from './find-workspace-bot';
import { toBotSummary } from './to-bot-summary';

export const updateBotInputSchema = z
  .object({
    id: botIdSchema,
    /** The new name; absent: unchanged. */
    name: botNameSchema.optional(),
    /** The new description; null or empty clears it; absent: unchanged. */
    description: botDescriptionSchema.nullable().optional(),
  })
  .refine((input) => input.name !== undefined || input.description !== undefined, { error: 'Give a name or a description to change' });

/**
 * `bots.update`: renames the bot and/or changes its description (null or '' clears it).
 * The draft and its revision are untouched, so an open editor's next save does not
 * conflict. Audited as `bot.updated` with what changed (`{ name: { from, to } }`,
 * `{ description: { from, to } }`); a call that changes nothing records nothing.
 * Returns the bot as `bots.list` shows it. NOT_FOUND for a bot of another workspace.
 */
export const updateBotProcedure = roleProcedure('builder')
  .input(updateBotInputSchema)
  .output(botSummarySchema)
  .mutation(async ({ ctx, input }) => {
    const bot = await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
    const patch: UpdateBotInput = {};
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    if (input.name !== undefined && input.name !== bot.name) {
      patch.name = input.name;
      changes['name'] = { from: bot.name, to: input.name };
    }
    const description = input.description === '' ? null : input.description;
    if (description !== undefined && description !== bot.description) {
      patch.description = description;
      changes['description'] = { from: bot.description, to: description };
    }
    if (Object.keys(changes).length === 0) return toBotSummary(ctx.db, bot);
    const updated = await updateBot(ctx.db, bot.id, patch);
    await recordAudit(ctx, 'bot.updated', { type: 'bot', id: bot.id }, changes);
    return toBotSummary(ctx.db, updated);
  });
