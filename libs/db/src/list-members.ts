import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Tx } from './create-db';

/** A member as the members page shows them. `joinedAt`: when the membership was created. */
export type WorkspaceMember = { userId: string; email: string; name: string; role: MemberRole; joinedAt: Date };

/**
 * The members of `workspaceId`, earliest joined first. Reads "User" (not under
 * row-level security), so it works inside withWorkspaceScope.
 */
export async function listMembers(db: Tx, workspaceId: string): Promise<WorkspaceMember[]> {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    select: { userId: true, role: true, createdAt: true, user: { select: { email: true, name: true } } },
    orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
  });
  return rows.map((row) => ({
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    role: memberRoleSchema.parse(row.role),
    joinedAt: row.createdAt,
  }));
}
