import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { createWorkspaceWithOwner, getMembership, listUserWorkspaces, setActiveWorkspace } from '@parley/db';
import { idSchema } from '../access/access-schemas';
import { router } from '../trpc';
import { signedInProcedure } from '../workspace-procedure';

const workspaceSummarySchema = z.object({ id: z.string(), name: z.string(), slug: z.string(), role: z.string(), active: z.boolean() });

/**
 * The signed-in person's workspaces: `current` (who they are, where they act, with which
 * role), `list`, `create` (they become its owner and act in it), `switch` (act in another
 * workspace they belong to). No workspace role applies: these are about the person.
 */
export const workspacesRouter = router({
  current: signedInProcedure('a person reads who they are and where they act').query(({ ctx }) => ({
    user: { id: ctx.principal.userId, email: ctx.principal.email, name: ctx.principal.name },
    workspace: ctx.workspace,
    role: ctx.role,
  })),

  list: signedInProcedure('a person lists the workspaces they belong to')
    .output(z.array(workspaceSummarySchema))
    .query(async ({ ctx }) => {
      const workspaces = await listUserWorkspaces(ctx.db, ctx.principal.userId);
      return workspaces.map((workspace) => ({ ...workspace, active: workspace.id === ctx.workspace?.id }));
    }),

  create: signedInProcedure('any person may start a workspace of their own')
    .input(z.object({ name: z.string().trim().min(1, { error: 'must not be empty' }).max(80) }))
    .mutation(async ({ ctx, input }) => {
      const workspace = await createWorkspaceWithOwner(ctx.db, { name: input.name, ownerUserId: ctx.principal.userId });
      if (ctx.authSessionId) await setActiveWorkspace(ctx.db, ctx.authSessionId, workspace.id);
      return { id: workspace.id, slug: workspace.slug, name: workspace.name };
    }),

  switch: signedInProcedure('a person chooses which of their workspaces to act in')
    .input(z.object({ workspaceId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const membership = await getMembership(ctx.db, { workspaceId: input.workspaceId, userId: ctx.principal.userId });
      if (!membership) throw new TRPCError({ code: 'NOT_FOUND', message: `No workspace ${input.workspaceId} of yours` });
      if (!ctx.authSessionId) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Only a signed-in browser session can switch workspaces' });
      await setActiveWorkspace(ctx.db, ctx.authSessionId, input.workspaceId);
      return { workspaceId: input.workspaceId, role: membership.role };
    }),
});
