import { z } from 'zod';
import { createBot } from '@parley/db';
import { checkBotFlow } from '../components/check-with-components';
import { requireCheckedFlow } from '../components/require-checked-flow';
import { roleProcedure } from '../workspace-procedure';
import { botDescriptionSchema, botNameSchema, createdBotSchema, flowDocumentSchema } from './bot-schemas';
import { callerUserId } from './caller-user-id';
import { botTemplateIdSchema, botTemplates } from './templates/bot-templates';

export const createBotInputSchema = z
  .object({
    name: botNameSchema,
    description: botDescriptionSchema.optional(),
    /** The template the first draft comes from (`bots.templates`); default 'empty' (starterFlow). */
    template: botTemplateIdSchema.optional(),
    /** The first draft, e.g. an imported flow file; instead of a template. */
    draft: flowDocumentSchema.optional(),
  })
  .refine((input) => input.template === undefined || input.draft === undefined, {
    error: 'Give a template or a draft, not both',
    path: ['template'],
  });

/**
 * `bots.create`: creates a bot in the workspace with its first draft (revision 0), saved
 * by the caller: `draft` when given (an import), else the `template`'s flow ('empty'
 * when absent). A draft with validation errors is refused like `bots.saveDraft` refuses
 * one (BAD_REQUEST, `data.issues` every error, nothing created). Returns the new id
 * and the draft's warnings.
 */
export const createBotProcedure = roleProcedure('builder').input(createBotInputSchema).output(createdBotSchema).mutation(async ({ ctx, input }) => {
  const draft = input.draft ?? botTemplates[input.template ?? 'empty'].flow();
  const warnings = requireCheckedFlow('Draft', await checkBotFlow(ctx.db, ctx.workspace.id, draft, 'draft'));
  const bot = await createBot(ctx.db, {
    workspaceId: ctx.workspace.id,
    name: input.name,
    description: input.description ? input.description : null,
    draft,
    draftUpdatedBy: callerUserId(ctx.principal),
  });
  return { id: bot.id, draftRevision: bot.draftRevision, warnings };
});
