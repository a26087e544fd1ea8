import { z } from 'zod';
import { listComponents } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { componentSummarySchema } from './component-schemas';

/** `components.list`: the workspace's components, most recently edited first. */
export const listComponentsProcedure = roleProcedure('analyst').output(z.array(componentSummarySchema)).query(async ({ ctx }) => {
  const components = await listComponents(ctx.db, ctx.workspace.id);
  return components.map((component) => ({
    id: component.id,
    name: component.name,
    description: component.description,
    updatedAt: component.updatedAt.toISOString(),
    latestVersion: component.latestVersionNumber,
  }));
});
