import { z } from 'zod';
import { roleProcedure } from '../workspace-procedure';
import { componentIdSchema, resolvedComponentsSchema } from './component-schemas';
import { resolveComponentIds } from './resolve-components';

export const resolveComponentsInputSchema = z.object({ ids: z.array(componentIdSchema).max(100) });

/**
 * `components.resolve`: the component documents a draft using these components is
 * checked against (saving drafts: the latest published version, else the draft),
 * with the components they use in turn, so an editor can run validateFlow with them
 * embedded exactly as the API does. Ids of no component of the workspace (another
 * workspace's included) are left out of the answer.
 */
export const resolveComponentsProcedure = roleProcedure('analyst')
  .input(resolveComponentsInputSchema)
  .output(resolvedComponentsSchema)
  .query(async ({ ctx, input }) => {
    const resolution = await resolveComponentIds(ctx.db, ctx.workspace.id, input.ids, 'draft');
    return {
      components: resolution.resolved.map(({ id, name, version, source, document }) => ({ id, name, version, source, document })),
    };
  });
