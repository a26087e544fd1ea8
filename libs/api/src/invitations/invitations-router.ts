import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { acceptInvitation, createInvitation, findInvitationByToken, listInvitations, revokeInvitation, setActiveWorkspace } from '@parley/db';
import { emailSchema, idSchema, roleInputSchema } from '../access/access-schemas';
import { recordAudit } from '../access/record-audit';
import { router } from '../trpc';
import { publicProcedure, roleProcedure, signedInProcedure } from '../workspace-procedure';

const tokenSchema = z.string().trim().min(20, { error: 'is not an invitation token' }).max(200);

const refusals = {
  'not-found': 'This invitation does not exist',
  expired: 'This invitation has expired: ask for a new one',
  revoked: 'This invitation was withdrawn',
  accepted: 'This invitation was already used',
  'email-mismatch': 'This invitation is for another email address: sign in with the address it was sent to',
} as const;

/**
 * Invitations to the caller's workspace. Owners create (a link, sent through the mailer
 * and shown once), list and revoke them; anyone holding a link may preview it (to show
 * what it is before signing in); a signed-in person whose email it names accepts it,
 * once, and then acts in that workspace. Creation, revocation and acceptance are audited.
 */
export const invitationsRouter = router({
  list: roleProcedure('owner').query(async ({ ctx }) => {
    const invitations = await listInvitations(ctx.db, ctx.workspace.id);
    return invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      status: invitation.status,
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
    }));
  }),

  create: roleProcedure('owner')
    .input(z.object({ email: emailSchema, role: roleInputSchema }))
    .mutation(async ({ ctx, input }) => {
      const { invitation, token } = await createInvitation(ctx.db, {
        workspaceId: ctx.workspace.id,
        email: input.email,
        role: input.role,
        invitedById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
      });
      const link = `${ctx.publicUrl ?? ''}/invite/${token}`;
      await recordAudit(ctx, 'invitation.created', { type: 'invitation', id: invitation.id }, { email: input.email, role: input.role });
      await ctx.mailer?.send({
        to: input.email,
        subject: `You are invited to ${ctx.workspace.slug} on Parley`,
        text: `You are invited to join the workspace ${ctx.workspace.slug} on Parley as ${input.role}. Open this link to accept: ${link}`,
        link,
      });
      return { id: invitation.id, link, expiresAt: invitation.expiresAt.toISOString() };
    }),

  revoke: roleProcedure('owner')
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      if (!(await revokeInvitation(ctx.db, { workspaceId: ctx.workspace.id, invitationId: input.id }))) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No pending invitation ${input.id} in this workspace` });
      }
      await recordAudit(ctx, 'invitation.revoked', { type: 'invitation', id: input.id });
      return { revoked: true };
    }),

  preview: publicProcedure('the holder of an invitation link sees what it is before signing in; the token is the secret')
    .input(z.object({ token: tokenSchema }))
    .query(async ({ ctx, input }) => {
      const invitation = await findInvitationByToken(ctx.db, input.token);
      if (!invitation) throw new TRPCError({ code: 'NOT_FOUND', message: refusals['not-found'] });
      return { workspaceName: invitation.workspaceName, email: invitation.email, role: invitation.role, status: invitation.status };
    }),

  accept: signedInProcedure('the invited person accepts; the invitation names the workspace')
    .input(z.object({ token: tokenSchema }))
    .mutation(async ({ ctx, input }) => {
      const result = await acceptInvitation(ctx.db, { token: input.token, userId: ctx.principal.userId, email: ctx.principal.email });
      if (!result.ok) {
        const code = result.reason === 'not-found' ? 'NOT_FOUND' : result.reason === 'email-mismatch' ? 'FORBIDDEN' : 'BAD_REQUEST';
        throw new TRPCError({ code, message: refusals[result.reason] });
      }
      if (ctx.authSessionId) await setActiveWorkspace(ctx.db, ctx.authSessionId, result.workspaceId);
      await recordAudit({ db: ctx.db, workspace: { id: result.workspaceId }, principal: ctx.principal }, 'invitation.accepted', { type: 'user', id: ctx.principal.userId }, { role: result.role });
      return { workspaceId: result.workspaceId, role: result.role };
    }),
});
