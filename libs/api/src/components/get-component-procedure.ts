import { z } from 'zod';
import { listComponentVersions } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { componentDetailSchema, componentIdSchema } from './component-schemas';
import { findWorkspaceComponent } from './find-workspace-component';

export const getComponentInputSchema = z.object({ id: componentIdSchema });

/** `components.get`: one component of the workspace with its draft and published versions; NOT_FOUND otherwise. */
export const getComponentProcedure = roleProcedure('analyst')
  .input(getComponentInputSchema)
  .output(componentDetailSchema)
  .query(async ({ ctx, input }) => {
    const component = await findWorkspaceComponent(ctx.db, ctx.workspace, input.id);
    const versions = await listComponentVersions(ctx.db, component.id);
    return {
      id: component.id,
      name: component.name,
      description: component.description,
      draft: component.draft,
      draftRevision: component.draftRevision,
      createdAt: component.createdAt.toISOString(),
      updatedAt: component.updatedAt.toISOString(),
      versions: versions.map((version) => ({ number: version.number, publishedAt: version.publishedAt.toISOString() })),
    };
  });
