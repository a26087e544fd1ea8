import { z } from 'zod';
import { createBot } from '@parley/db';
import { checkBotFlow } from '../components/check-with-components';
import { requireCheckedFlow } from '../components/require-checked-flow';
import { starterFlow } from '../starter-flow';
import { roleProcedure } from '../workspace-procedure';
import { botDescriptionSchema, botNameSchema, createdBotSchema, flowDocumentSchema } from './bot-schemas';

export const createBotInputSchema = z.object({
  name: botNameSchema,
  description: botDescriptionSchema.optional(),
  /** The first draft; a minimal valid flow (starterFlow) when omitted. */
  draft: flowDocumentSchema.optional(),
});

/**
 * `bots.create`: creates a bot in the workspace with its first draft (revision 0).
 * An invalid draft is refused like `bots.saveDraft` refuses one. Returns the new
 * id and the draft's warnings.
 */
export const createBotProcedure = roleProcedure('builder').input(createBotInputSchema).output(createdBotSchema).mutation(async ({ ctx, input }) => {
  const draft = input.draft ?? starterFlow();
  const warnings = requireCheckedFlow('Draft', await checkBotFlow(ctx.db, ctx.workspace.id, draft, 'draft'));
  const bot = await createBot(ctx.db, {
    workspaceId: ctx.workspace.id,
    name: input.name,
    description: input.description ? input.description : null,
    draft,
  });
  return { id: bot.id, draftRevision: bot.draftRevision, warnings };
});
