import type { Tx } from './create-db';
import { getWorkspaceHttpPolicy } from './get-workspace-http-policy';
import { TtlCache } from './ttl-cache';

/** Reads workspaces' outbound HTTP policies (allowlists) through a per-process cache. */
export type HttpPolicyCache = {
  get: (db: Tx, workspaceId: string) => Promise<{ allow: string[] }>;
};

/**
 * getWorkspaceHttpPolicy behind a TtlCache: every reply delivery and API element
 * call needs its workspace's allowlist. An allowlist change reaches every worker
 * within `ttlMs` (default 5 s).
 */
export function createHttpPolicyCache(options: { ttlMs?: number } = {}): HttpPolicyCache {
  const cache = new TtlCache<{ allow: string[] }>({ ttlMs: options.ttlMs ?? 5_000 });
  return { get: (db, workspaceId) => cache.get(workspaceId, () => getWorkspaceHttpPolicy(db, workspaceId)) };
}
