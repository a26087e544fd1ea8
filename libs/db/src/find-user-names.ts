import type { Tx } from './create-db';

/**
 * The display names of the users with these ids, by id: the user's name, or their email
 * when the name is empty. Ids of no user (an account deleted since, a test principal)
 * are absent from the map. Reads "User" (not under row-level security), so it works
 * inside withWorkspaceScope; one query whatever the number of ids.
 */
export async function findUserNames(db: Tx, userIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((user) => [user.id, user.name.trim() === '' ? user.email : user.name]));
}
