import type { HttpPolicy } from '@parley/http';
import { getWorkspaceBySlug, type Db } from '@parley/db';

/** The workspace a request acts for. */
export type WorkspaceRef = { id: string; slug: string };

/** What every procedure sees. `workspace` is null when the caller named none, or one that does not exist. */
export type Context = {
  db: Db;
  /** Key sealing channel secrets at rest: 32 bytes as 64 hex characters (see @parley/db secret-box). */
  secretKey: string;
  workspace: WorkspaceRef | null;
  /** The operator's element egress policy (ELEMENT_EGRESS_ALLOW), for API element previews; absent: public addresses only. */
  egress?: HttpPolicy;
};

export type CreateContextOptions = {
  db: Db;
  secretKey: string;
  /** The caller's workspace when the host already resolved it; takes precedence over `workspaceSlug`. */
  workspace?: WorkspaceRef | null;
  /**
   * The caller's workspace slug as the host read it from the `x-parley-workspace`
   * header (see `workspaceHeader`), resolved here. Missing, blank or unknown →
   * `workspace: null`, and workspace procedures refuse with UNAUTHORIZED.
   * Temporary: API keys will replace the header.
   */
  workspaceSlug?: string | null;
  /** See Context.egress. */
  egress?: HttpPolicy;
};

/** The request header the host reads the workspace slug from. */
export const workspaceHeader = 'x-parley-workspace';

/**
 * Builds a request's context. Given `workspace`, uses it as is; otherwise
 * resolves `workspaceSlug` (one query when a slug is given).
 */
export async function createContext(options: CreateContextOptions): Promise<Context> {
  return {
    db: options.db,
    secretKey: options.secretKey,
    workspace: options.workspace !== undefined ? options.workspace : await resolveWorkspace(options.db, options.workspaceSlug),
    ...(options.egress ? { egress: options.egress } : {}),
  };
}

async function resolveWorkspace(db: Db, slug: string | null | undefined): Promise<WorkspaceRef | null> {
  const trimmed = slug?.trim();
  if (!trimmed) return null;
  const workspace = await getWorkspaceBySlug(db, trimmed);
  return workspace ? { id: workspace.id, slug: workspace.slug } : null;
}
