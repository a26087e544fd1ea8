import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { getComponentVersion, NotFoundError, updateComponent, type UpdateComponentInput } from '@parley/db';
import { recordAudit } from '../access/record-audit';
import { roleProcedure } from '../workspace-procedure';
import { componentDescriptionSchema, componentIdSchema, componentNameSchema, componentSummarySchema } from './component-schemas';
import { findWorkspaceComponent } from './find-workspace-component';

export const updateComponentInputSchema = z
  .object({
    id: componentIdSchema,
    /** The new name (also written into the draft document's `name`); absent: unchanged. */
    name: componentNameSchema.optional(),
    /** The new description; null or empty clears it; absent: unchanged. */
    description: componentDescriptionSchema.nullable().optional(),
  })
  .refine((input) => input.name !== undefined || input.description !== undefined, { error: 'Give a name or a description to change' });

/**
 * `components.update`: renames the component (its draft document's `name` too) and/or
 * changes its description (null or '' clears it). The draft revision is untouched, so an
 * open editor's next save does not conflict; published versions keep the name they were
 * published with. Audited as `component.updated` with what changed; a call that changes
 * nothing records nothing. Returns the component as `components.list` shows it.
 * NOT_FOUND for a component of another workspace.
 */
export const updateComponentProcedure = roleProcedure('builder')
  .input(updateComponentInputSchema)
  .output(componentSummarySchema)
  .mutation(async ({ ctx, input }) => {
    const component = await findWorkspaceComponent(ctx.db, ctx.workspace, input.id);
    const patch: UpdateComponentInput = {};
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    if (input.name !== undefined && input.name !== component.name) {
      patch.name = input.name;
      changes['name'] = { from: component.name, to: input.name };
    }
    const description = input.description === '' ? null : input.description;
    if (description !== undefined && description !== component.description) {
      patch.description = description;
      changes['description'] = { from: component.description, to: description };
    }
    let updated = component;
    if (Object.keys(changes).length > 0) {
      try {
        updated = await updateComponent(ctx.db, component.id, patch);
      } catch (error) {
        if (error instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
        throw error;
      }
      await recordAudit(ctx, 'component.updated', { type: 'component', id: component.id }, changes);
    }
    const latest = await getComponentVersion(ctx.db, updated.id, 'latest');
    return {
      id: updated.id,
      name: updated.name,
      description: updated.description,
      updatedAt: updated.updatedAt.toISOString(),
      latestVersion: latest?.number ?? null,
    };
  });
