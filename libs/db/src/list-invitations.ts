import type { Tx } from './create-db';
import { toInvitation, type Invitation } from './to-invitation';

/** Every invitation of `workspaceId` (all statuses, as of `now`), newest first; never a token hash. */
export async function listInvitations(db: Tx, workspaceId: string, now: Date = new Date()): Promise<Invitation[]> {
  const rows = await db.invitation.findMany({
    where: { workspaceId },
    omit: { tokenHash: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map((row) => toInvitation(row, now));
}
