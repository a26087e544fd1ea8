import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Tx } from './create-db';

/** A workspace the user belongs to, with their role there. */
export type UserWorkspace = { id: string; name: string; slug: string; role: MemberRole };

/**
 * Every workspace `userId` is a member of, ordered by name (then slug). Reads across
 * workspaces: call it with the API's `Db`, not inside withWorkspaceScope (there it would
 * see the scope's workspace only).
 */
export async function listUserWorkspaces(db: Tx, userId: string): Promise<UserWorkspace[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
    orderBy: [{ workspace: { name: 'asc' } }, { workspace: { slug: 'asc' } }],
  });
  return rows.map((row) => ({ ...row.workspace, role: memberRoleSchema.parse(row.role) }));
}
