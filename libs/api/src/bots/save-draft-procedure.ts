import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { listConversationTags, NotFoundError, saveDraft, StaleDraftError } from '@parley/db';
import { checkBotFlow } from '../components/check-with-components';
import { requireCheckedFlow } from '../components/require-checked-flow';
import { roleProcedure } from '../workspace-procedure';
import { botIdSchema, flowDocumentSchema, savedDraftSchema } from './bot-schemas';
import { findWorkspaceBot } from './find-workspace-bot';
import { tagUsesOf, tagWarnings } from './tag-uses';

export const saveDraftInputSchema = z.object({
  id: botIdSchema,
  draft: flowDocumentSchema,
  /** The `draftRevision` the client loaded; when given, a newer save by someone else is not overwritten. */
  expectedRevision: z.number().int().nonnegative().optional(),
});

/**
 * `bots.saveDraft`: replaces the bot's draft with a valid flow document.
 * - invalid flow → BAD_REQUEST, nothing saved, `data.issues` lists every error;
 * - `expectedRevision` no longer current → CONFLICT, nothing saved (reload and retry);
 * - otherwise saved: returns the new revision and the flow's warnings, among them one
 *   `tag-not-defined` per tag an element names that the Inbox does not define yet
 *   (publishing creates it).
 */
export const saveDraftProcedure = roleProcedure('builder').input(saveDraftInputSchema).output(savedDraftSchema).mutation(async ({ ctx, input }) => {
  await findWorkspaceBot(ctx.db, ctx.workspace, input.id);
  const warnings = requireCheckedFlow('Draft', await checkBotFlow(ctx.db, ctx.workspace.id, input.draft, 'draft'));
  const uses = tagUsesOf(input.draft);
  if (uses.length > 0) {
    const defined = new Set((await listConversationTags(ctx.db, ctx.workspace.id)).map((tag) => tag.name));
    warnings.push(...tagWarnings(uses, defined, false));
  }
  try {
    const saved = await saveDraft(ctx.db, {
      botId: input.id,
      draft: input.draft,
      ...(input.expectedRevision === undefined ? {} : { expectedRevision: input.expectedRevision }),
    });
    return { draftRevision: saved.draftRevision, updatedAt: saved.updatedAt.toISOString(), warnings };
  } catch (error) {
    if (error instanceof StaleDraftError) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `The draft was saved by someone else: it is at revision ${error.currentRevision}, not ${error.expectedRevision}. Reload it before saving.`,
        cause: error,
      });
    }
    if (error instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
    throw error;
  }
});
