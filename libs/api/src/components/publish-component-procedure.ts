import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { NotFoundError, publishComponent } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { checkComponentDocument } from './check-with-components';
import { componentIdSchema, publishedComponentVersionSchema } from './component-schemas';
import { findWorkspaceComponent } from './find-workspace-component';
import { requireCheckedFlow } from './require-checked-flow';

export const publishComponentInputSchema = z.object({ id: componentIdSchema });

/**
 * `components.publish`: checks the current draft again and publishes it as the next
 * immutable version (1, 2 ...). Invalid → BAD_REQUEST with `data.issues`, nothing
 * published. Bots pick the new version up when they are next published; bot
 * versions already published keep the version they embed.
 *
 * The components it uses are not pinned here: a bot's publish resolves them, with
 * every other component, to their latest published version.
 */
export const publishComponentProcedure = roleProcedure('builder')
  .input(publishComponentInputSchema)
  .output(publishedComponentVersionSchema)
  .mutation(async ({ ctx, input }) => {
    const component = await findWorkspaceComponent(ctx.db, ctx.workspace, input.id);
    const warnings = requireCheckedFlow('Component draft', await checkComponentDocument(ctx.db, ctx.workspace.id, component.id, component.draft));
    try {
      const version = await publishComponent(ctx.db, component.id);
      return { version: version.number, publishedAt: version.publishedAt.toISOString(), warnings };
    } catch (error) {
      if (error instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
      throw error;
    }
  });
