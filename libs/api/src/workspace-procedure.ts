import { TRPCError } from '@trpc/server';
import { workspaceHeader } from './create-context';
import { publicProcedure } from './trpc';

/**
 * A procedure that acts inside one workspace: refuses with UNAUTHORIZED when the
 * context has none, and narrows `ctx.workspace` to non-null for the handler.
 * Handlers must scope every read and write to `ctx.workspace.id`.
 */
export const workspaceProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.workspace) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: `No workspace: send the ${workspaceHeader} header with the slug of an existing workspace`,
    });
  }
  return next({ ctx: { ...ctx, workspace: ctx.workspace } });
});
