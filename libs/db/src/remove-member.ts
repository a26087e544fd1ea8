import type { MemberRole } from './column-schemas';
import type { Tx } from './create-db';
import { lockMemberAndOwners } from './lock-member-and-owners';
import { MembershipError } from './membership-error';
import { runInTransaction } from './run-in-transaction';

/**
 * Removes `userId` from `workspaceId` and returns the role they had. Throws
 * MembershipError 'not-found' when they are not a member, and 'last-owner' when they
 * are its only owner. Atomic with respect to other membership changes
 * (lockMemberAndOwners); runs in a transaction of its own given a `Db`, in the
 * caller's given a `Tx`. Their browser sessions (AuthSession.activeWorkspaceId) are left
 * as they are: whoever resolves a request's role must find the membership (getMembership).
 */
export async function removeMember(db: Tx, input: { workspaceId: string; userId: string }): Promise<MemberRole> {
  return runInTransaction(db, async (tx) => {
    const { member, owners } = await lockMemberAndOwners(tx, input.workspaceId, input.userId);
    if (!member) throw new MembershipError('not-found', input.workspaceId, input.userId);
    if (member.role === 'owner' && owners <= 1) throw new MembershipError('last-owner', input.workspaceId, input.userId);
    await tx.membership.delete({ where: { id: member.id } });
    return member.role;
  });
}
