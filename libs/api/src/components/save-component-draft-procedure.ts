import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { NotFoundError, saveComponentDraft, StaleComponentDraftError } from '@parley/db';
import type { FlowIssue } from '@parley/engine';
import { draftShapeIssues } from '../bots/draft-shape-issues';
import { describeFlowIssue, FlowInvalidError } from '../flow-invalid-error';
import { roleProcedure } from '../workspace-procedure';
import { checkComponentDocument } from './check-with-components';
import { componentDraftShape } from './component-draft-shape';
import { componentDocumentInputSchema, componentIdSchema, componentNameSchema, savedComponentDraftSchema } from './component-schemas';
import { findWorkspaceComponent } from './find-workspace-component';
import { requireCheckedFlow } from './require-checked-flow';

export const saveComponentDraftInputSchema = z.object({
  id: componentIdSchema,
  draft: componentDocumentInputSchema,
  /** The `draftRevision` the client loaded; when given, a newer save by someone else is not overwritten. */
  expectedRevision: z.number().int().nonnegative().optional(),
  /**
   * Store a work in progress: a draft with validation errors is saved (its errors are
   * returned in `errors`) as long as it has the component draft shape. Default false: refused.
   */
  allowErrors: z.boolean().optional(),
});

/**
 * `components.saveDraft`: replaces the component's draft with a component document
 * (checked like a flow: its dialogs, elements, attributes, and the components it uses,
 * which must not lead back to it).
 * - invalid → BAD_REQUEST, nothing saved, `data.issues` lists every error with paths
 *   relative to the document (`dialogs[0].elements[1].text`); with `allowErrors` the
 *   draft is saved anyway and its errors returned in `errors`, unless it lacks the
 *   component draft shape (componentDraftShapeSchema): BAD_REQUEST naming each problem;
 * - `expectedRevision` no longer current → CONFLICT, nothing saved;
 * - otherwise saved: returns the new revision, the errors ([] without `allowErrors`) and
 *   the document's warnings. The component's name follows the document's `name` when
 *   that is a valid name (a work in progress with an empty name keeps the old one).
 */
export const saveComponentDraftProcedure = roleProcedure('builder')
  .input(saveComponentDraftInputSchema)
  .output(savedComponentDraftSchema)
  .mutation(async ({ ctx, input }) => {
    const component = await findWorkspaceComponent(ctx.db, ctx.workspace, input.id);
    let errors: FlowIssue[] = [];
    let warnings: FlowIssue[];
    if (input.allowErrors === true) {
      const shape = draftShapeIssues(input.draft, componentDraftShape);
      if (shape.length > 0) {
        const cause = new FlowInvalidError('Component draft', shape);
        const count = shape.length === 1 ? '1 problem' : `${shape.length} problems`;
        const listed = shape.slice(0, 5).map(describeFlowIssue).join('; ');
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Component draft cannot be saved, even as a work in progress (${count}): ${listed}`, cause });
      }
      const checked = await checkComponentDocument(ctx.db, ctx.workspace.id, component.id, input.draft);
      errors = checked.errors;
      warnings = checked.warnings;
    } else {
      warnings = requireCheckedFlow('Component draft', await checkComponentDocument(ctx.db, ctx.workspace.id, component.id, input.draft));
    }
    const named = componentNameSchema.safeParse(input.draft['name']);
    try {
      const saved = await saveComponentDraft(ctx.db, {
        componentId: component.id,
        name: named.success ? named.data : component.name,
        draft: input.draft,
        ...(input.expectedRevision === undefined ? {} : { expectedRevision: input.expectedRevision }),
      });
      return { draftRevision: saved.draftRevision, updatedAt: saved.updatedAt.toISOString(), errors, warnings };
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
