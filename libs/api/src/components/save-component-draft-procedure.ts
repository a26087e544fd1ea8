import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { NotFoundError, saveComponentDraft, StaleComponentDraftError } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { checkComponentDocument } from './check-with-components';
import { componentDocumentSchema } from './component-document';
import { componentDocumentInputSchema, componentIdSchema, savedComponentDraftSchema } from './component-schemas';
import { findWorkspaceComponent } from './find-workspace-component';
import { requireCheckedFlow } from './require-checked-flow';

export const saveComponentDraftInputSchema = z.object({
  id: componentIdSchema,
  draft: componentDocumentInputSchema,
  /** The `draftRevision` the client loaded; when given, a newer save by someone else is not overwritten. */
  expectedRevision: z.number().int().nonnegative().optional(),
});

/**
 * `components.saveDraft`: replaces the component's draft with a valid component
 * document (checked like a flow: its dialogs, elements, attributes, and the
 * components it uses, which must not lead back to it).
 * - invalid → BAD_REQUEST, nothing saved, `data.issues` lists every error with
 *   paths relative to the document (`dialogs[0].elements[1].text`);
 * - `expectedRevision` no longer current → CONFLICT, nothing saved;
 * - otherwise saved (the component's name follows the document's): returns the new
 *   revision and the document's warnings.
 */
export const saveComponentDraftProcedure = roleProcedure('builder')
  .input(saveComponentDraftInputSchema)
  .output(savedComponentDraftSchema)
  .mutation(async ({ ctx, input }) => {
    const component = await findWorkspaceComponent(ctx.db, ctx.workspace, input.id);
    const checked = await checkComponentDocument(ctx.db, ctx.workspace.id, component.id, input.draft);
    const warnings = requireCheckedFlow('Component draft', checked);
    const { name } = componentDocumentSchema.parse(input.draft);
    try {
      const saved = await saveComponentDraft(ctx.db, {
        componentId: component.id,
        name,
        draft: input.draft,
        ...(input.expectedRevision === undefined ? {} : { expectedRevision: input.expectedRevision }),
      });
      return { draftRevision: saved.draftRevision, updatedAt: saved.updatedAt.toISOString(), warnings };
    } catch (error) {
      if (error instanceof StaleComponentDraftError) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `The component draft was saved by someone else: it is at revision ${error.currentRevision}, not ${error.expectedRevision}. Reload it before saving.`,
          cause: error,
        });
      }
      if (error instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
      throw error;
    }
  });
