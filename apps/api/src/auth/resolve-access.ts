import type { IncomingHttpHeaders } from 'node:http';
import type { CreateContextOptions } from '@parley/api';
import type { ParleyAuth } from '@parley/auth';
import { findApiKey, listUserWorkspaces, type Db } from '@parley/db';
import { bearerToken } from './bearer-token';
import { toFetchHeaders } from './to-fetch-headers';

/** Who a tRPC request acts for, in which workspace, with which role: what libs/api's createContext takes. */
export type ResolvedAccess = {
  principal: CreateContextOptions['principal'];
  workspace: CreateContextOptions['workspace'];
  role: CreateContextOptions['role'];
  /** The signed-in browser's session (AuthSession.id), where its active workspace is kept; null for API keys and anonymous callers. */
  authSessionId: string | null;
  /** Set-Cookie values better-auth produced while reading the session (a refreshed expiry): the host sends them with the answer. */
  setCookies: string[];
};

export type ResolveAccessDeps = { db: Db; auth: Pick<ParleyAuth, 'api'> };

const anonymous: ResolvedAccess = { principal: null, workspace: null, role: null, authSessionId: null, setCookies: [] };

/**
 * Finds the caller of a tRPC request from its headers:
 * - `Authorization: Bearer pk_…` (any Authorization header, in fact): the workspace
 *   API key (findApiKey), its workspace and its role. An unknown, malformed or revoked
 *   key, or another kind of Authorization, is anonymous: cookies are then NOT
 *   consulted, so the origin check may skip such requests (createOriginCheck).
 * - otherwise the better-auth session cookie: the user; the workspace is the session's
 *   `activeWorkspaceId` while the user is still a member there, else the first of
 *   their workspaces (listUserWorkspaces: by name); the role is their membership's.
 *   A user with no workspace has a principal but no workspace and no role.
 * - no credential, or an expired or unknown session: anonymous.
 * Procedures then decide (libs/api's access check: UNAUTHORIZED for anonymous).
 * Membership is read on every request, so a removed member loses access at once.
 * Database failures are thrown (the host answers 503).
 */
export async function resolveAccess(deps: ResolveAccessDeps, headers: IncomingHttpHeaders): Promise<ResolvedAccess> {
  const token = bearerToken(headers);
  if (token !== null) {
    const key = await findApiKey(deps.db, token);
    if (!key) return anonymous;
    return {
      principal: { kind: 'api-key', apiKeyId: key.id, name: key.name },
      workspace: { id: key.workspaceId, slug: key.workspaceSlug },
      role: key.role,
      authSessionId: null,
      setCookies: [],
    };
  }
  if (headers.cookie === undefined) return anonymous;
  const { headers: answerHeaders, response: found } = await deps.auth.api.getSession({ headers: toFetchHeaders(headers), returnHeaders: true });
  const setCookies = answerHeaders.getSetCookie();
  if (!found) return { ...anonymous, setCookies };
  const { session, user } = found;
  const workspaces = await listUserWorkspaces(deps.db, user.id);
  const workspace = workspaces.find((candidate) => candidate.id === session.activeWorkspaceId) ?? workspaces[0] ?? null;
  return {
    principal: { kind: 'user', userId: user.id, email: user.email, name: user.name },
    workspace: workspace ? { id: workspace.id, slug: workspace.slug } : null,
    role: workspace?.role ?? null,
    authSessionId: session.id,
    setCookies,
  };
}
