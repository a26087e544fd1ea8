import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Tx } from './create-db';
import { invitationStatus } from './invitation-status';
import { invitationTokenSchema } from './invitation-token-schema';
import { memberRoleRank } from './member-role-rank';
import { normalizeEmail } from './normalize-email';
import { runInTransaction } from './run-in-transaction';
import { sha256Hex } from './sha256-hex';

export type AcceptInvitationInput = {
  /** The token of the invitation link. */
  token: string;
  /** The signed-in user accepting it. */
  userId: string;
  /** That user's email; must be the invited address (compared trimmed, lower-cased). */
  email: string;
  now?: Date;
};

export type AcceptInvitationFailure = 'not-found' | 'expired' | 'revoked' | 'accepted' | 'email-mismatch';

/** `role`: the user's role in the workspace now (see acceptInvitation). */
export type AcceptInvitationResult = { ok: true; workspaceId: string; role: MemberRole } | { ok: false; reason: AcceptInvitationFailure };

/**
 * Accepts an invitation for `userId`: marks it accepted and makes the user a member
 * with the invited role, both or neither (one transaction: its own given a `Db`, the
 * caller's given a `Tx`). An invitation is accepted once: the mark is a conditional
 * update, so of two concurrent accepts one succeeds and the other gets 'accepted'.
 * Refusals write nothing: unknown or malformed token 'not-found', then the
 * invitation's status ('accepted', 'revoked', 'expired' at `now`), then
 * 'email-mismatch' when `email` is not the invited address.
 *
 * A user who already is a member keeps the higher of their role and the invited one
 * (owner > builder > agent/analyst; memberRoleRank). An invitation never lowers a role
 * and never swaps agent and analyst (equal rank: the current role stays): changing a
 * member's role is changeMemberRole's job. The result's `role` is the role they hold.
 *
 * Reads across workspaces (the user is not a member yet): call it with the API's
 * `Db`, not inside withWorkspaceScope.
 */
export async function acceptInvitation(db: Tx, input: AcceptInvitationInput): Promise<AcceptInvitationResult> {
  if (!invitationTokenSchema.safeParse(input.token).success) return { ok: false, reason: 'not-found' };
  const now = input.now ?? new Date();
  const tokenHash = sha256Hex(input.token);
  return runInTransaction(db, async (tx): Promise<AcceptInvitationResult> => {
    const row = await tx.invitation.findUnique({ where: { tokenHash } });
    if (!row) return { ok: false, reason: 'not-found' };
    const status = invitationStatus(row, now);
    if (status !== 'pending') return { ok: false, reason: status };
    if (row.email !== normalizeEmail(input.email)) return { ok: false, reason: 'email-mismatch' };

    const marked = await tx.invitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now, acceptedById: input.userId },
    });
    if (marked.count === 0) {
      // Accepted or revoked (or deleted with its workspace) since it was read.
      const current = await tx.invitation.findUnique({ where: { id: row.id }, select: { acceptedAt: true, revokedAt: true, expiresAt: true } });
      const reason = current ? invitationStatus(current, now) : 'not-found';
      return { ok: false, reason: reason === 'pending' ? 'not-found' : reason };
    }

    const invited = memberRoleSchema.parse(row.role);
    const where = { workspaceId: row.workspaceId, userId: input.userId };
    const created = await tx.membership.createMany({ data: [{ ...where, role: invited }], skipDuplicates: true });
    if (created.count === 0) {
      // Already a member: raise their role to the invited one only if it is lower.
      const lower = memberRoleSchema.options.filter((role) => memberRoleRank[role] < memberRoleRank[invited]);
      await tx.membership.updateMany({ where: { ...where, role: { in: lower } }, data: { role: invited } });
    }
    const membership = await tx.membership.findUniqueOrThrow({ where: { workspaceId_userId: where }, select: { role: true } });
    return { ok: true, workspaceId: row.workspaceId, role: memberRoleSchema.parse(membership.role) };
  });
}
