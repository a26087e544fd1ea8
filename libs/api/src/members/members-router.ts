import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { changeMemberRole, listMembers, MembershipError, removeMember } from '@parley/db';
import { idSchema, roleInputSchema } from '../access/access-schemas';
import { recordAudit } from '../access/record-audit';
import { router } from '../trpc';
import { roleProcedure } from '../workspace-procedure';

/** Members of the caller's workspace (owners only): list, change a role, remove. Changes are audited. */
export const membersRouter = router({
  list: roleProcedure('owner').query(async ({ ctx }) => {
    const members = await listMembers(ctx.db, ctx.workspace.id);
    return members.map((member) => ({ ...member, joinedAt: member.joinedAt.toISOString() }));
  }),

  changeRole: roleProcedure('owner')
    .input(z.object({ userId: idSchema, role: roleInputSchema }))
    .mutation(async ({ ctx, input }) => {
      const change = await orMembershipError(changeMemberRole(ctx.db, { workspaceId: ctx.workspace.id, userId: input.userId, role: input.role }));
      await recordAudit(ctx, 'member.role-changed', { type: 'user', id: input.userId }, { from: change.before, to: change.after });
      return change;
    }),

  remove: roleProcedure('owner')
    .input(z.object({ userId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const role = await orMembershipError(removeMember(ctx.db, { workspaceId: ctx.workspace.id, userId: input.userId }));
      await recordAudit(ctx, 'member.removed', { type: 'user', id: input.userId }, { role });
      return { removed: true };
    }),
});

/** A membership rule broken (no such member; the last owner) as NOT_FOUND / BAD_REQUEST with its message. */
async function orMembershipError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof MembershipError) {
      throw new TRPCError({ code: error.code === 'not-found' ? 'NOT_FOUND' : 'BAD_REQUEST', message: error.message, cause: error });
    }
    throw error;
  }
}
