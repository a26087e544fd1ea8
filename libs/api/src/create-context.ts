import type { HttpPolicy } from '@parley/http';
import type { Db, MemberRole } from '@parley/db';
import type { Mailer } from './access/mailer';

/** The workspace a request acts for. */
export type WorkspaceRef = { id: string; slug: string };

/**
 * Who is calling: a person signed in to the editor (better-auth session cookie), or a
 * program with a workspace API key (`Authorization: Bearer pk_…`). The host resolves it
 * before any procedure runs; procedures never read credentials themselves.
 */
export type Principal =
  | { kind: 'user'; userId: string; email: string; name: string }
  | { kind: 'api-key'; apiKeyId: string; name: string };

/**
 * What every procedure sees. `principal` is null for an anonymous caller; `workspace`
 * and `role` are the workspace the caller acts in and their role there (a user's active
 * workspace and membership; an API key's own workspace and role), null when there is
 * none. Procedures declare the least role they need (see access/require-role.ts);
 * the check happens in one middleware, never in handlers.
 */
export type Context = {
  db: Db;
  /** Key sealing channel secrets at rest: 32 bytes as 64 hex characters (see @parley/db secret-box). */
  secretKey: string;
  principal: Principal | null;
  workspace: WorkspaceRef | null;
  role: MemberRole | null;
  /** The signed-in browser's session (AuthSession id), where the active workspace is kept; absent for API keys. */
  authSessionId?: string;
  /** The operator's element egress policy (ELEMENT_EGRESS_ALLOW), for API element previews; absent: public addresses only. */
  egress?: HttpPolicy;
  /** Where invitation emails go (development: the log; tests: captured). Absent: invitations are created, nothing is sent. */
  mailer?: Mailer;
  /** The editor's public origin (PUBLIC_URL), for links in emails; absent: links are relative paths. */
  publicUrl?: string;
};

export type CreateContextOptions = {
  db: Db;
  secretKey: string;
  principal?: Principal | null;
  workspace?: WorkspaceRef | null;
  role?: MemberRole | null;
  authSessionId?: string;
  egress?: HttpPolicy;
  mailer?: Mailer;
  publicUrl?: string;
};

/** Builds a request's context from what the host resolved (nothing resolved: anonymous). */
export function createContext(options: CreateContextOptions): Context {
  return {
    db: options.db,
    secretKey: options.secretKey,
    principal: options.principal ?? null,
    workspace: options.workspace ?? null,
    role: options.role ?? null,
    ...(options.authSessionId ? { authSessionId: options.authSessionId } : {}),
    ...(options.egress ? { egress: options.egress } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  };
}
