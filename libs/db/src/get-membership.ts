import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Tx } from './create-db';

export type WorkspaceMembership = { id: string; workspaceId: string; userId: string; role: MemberRole };

/**
 * `userId`'s membership of `workspaceId`, or null when they are not a member. The API
 * resolves a request's role with it before entering the workspace's scope.
 */
export async function getMembership(db: Tx, input: { workspaceId: string; userId: string }): Promise<WorkspaceMembership | null> {
  const row = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
    select: { id: true, workspaceId: true, userId: true, role: true },
  });
  return row ? { ...row, role: memberRoleSchema.parse(row.role) } : null;
}
