import { getWorkspaceBySlug, type Db, type MemberRole } from '@parley/db';
import type { HttpPolicy } from '@parley/http';
import { createContext, type Context, type Principal } from '../create-context';

/** A test member: a user principal that is not stored (procedures only read its id and labels). */
export const testPrincipal: Principal = { kind: 'user', userId: 'test-user', email: 'tester@parley.test', name: 'Tester' };

/**
 * The context of a signed-in member of the workspace with `slug` (as the API host would
 * resolve it from a session cookie), `role` owner by default. An unknown slug, null or
 * '' gives a signed-in person with no workspace. For tests only.
 */
export async function memberContext(
  db: Db,
  secretKey: string,
  slug: string | null,
  options: { role?: MemberRole; egress?: HttpPolicy } = {},
): Promise<Context> {
  const workspace = slug ? await getWorkspaceBySlug(db, slug) : null;
  return createContext({
    db,
    secretKey,
    principal: testPrincipal,
    workspace: workspace ? { id: workspace.id, slug: workspace.slug } : null,
    role: workspace ? (options.role ?? 'owner') : null,
    ...(options.egress ? { egress: options.egress } : {}),
  });
}
