import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Tx } from './create-db';
import { lockMemberAndOwners } from './lock-member-and-owners';
import { MembershipError } from './membership-error';
import { runInTransaction } from './run-in-transaction';

export type ChangeMemberRoleInput = { workspaceId: string; userId: string; role: MemberRole };

/**
 * Gives a member a new role and returns their role before and after (equal: nothing
 * written). Throws MembershipError 'not-found' when `userId` is not a member, and
 * 'last-owner' when they are the workspace's only owner and `role` is not 'owner'.
 * Atomic with respect to other membership changes (lockMemberAndOwners); runs in a
 * transaction of its own given a `Db`, in the caller's given a `Tx`.
 */
export async function changeMemberRole(db: Tx, input: ChangeMemberRoleInput): Promise<{ before: MemberRole; after: MemberRole }> {
  const role = memberRoleSchema.parse(input.role);
  return runInTransaction(db, async (tx) => {
    const { member, owners } = await lockMemberAndOwners(tx, input.workspaceId, input.userId);
    if (!member) throw new MembershipError('not-found', input.workspaceId, input.userId);
    if (member.role === 'owner' && role !== 'owner' && owners <= 1) throw new MembershipError('last-owner', input.workspaceId, input.userId);
    if (member.role !== role) await tx.membership.update({ where: { id: member.id }, data: { role } });
    return { before: member.role, after: role };
  });
}
