import type { Tx } from './create-db';

/**
 * Revokes a pending invitation of `workspaceId` (its link stops working). False when
 * there is no such invitation in that workspace, or it is no longer pending (accepted,
 * revoked or expired at `now`). One conditional statement: a concurrent accept and
 * revoke cannot both succeed.
 */
export async function revokeInvitation(db: Tx, input: { workspaceId: string; invitationId: string; now?: Date }): Promise<boolean> {
  const now = input.now ?? new Date();
  const { count } = await db.invitation.updateMany({
    where: { id: input.invitationId, workspaceId: input.workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return count === 1;
}
