import type { Redis } from 'ioredis';
import { getWorkspaceLimits, type SqlClient } from '@parley/db';
import { takeBucketToken } from './take-bucket-token';

export type WorkspaceInboundDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export type WorkspaceInboundLimiter = {
  /** Takes one inbound message of `workspaceId` from its bucket; `{ ok: false }`: answer 429 with Retry-After. */
  take: (workspaceId: string) => Promise<WorkspaceInboundDecision>;
};

export type WorkspaceInboundLimiterOptions = {
  redis: Redis;
  /** Buckets live under `<prefix>:ws-limit:inbound:`. */
  prefix: string;
  db: SqlClient;
  /** The operator's default, messages per second per workspace (WORKSPACE_INBOUND_RATE); 0: no limit unless a workspace sets one. */
  defaultRatePerSecond: number;
  /** How long a workspace's own setting is remembered by this process (ms); default 5 000. */
  cacheMs?: number;
};

/**
 * The ingress's limit per workspace: inbound messages per second, over every channel
 * and every API process (a token bucket in Redis holding one second of the rate, refilled
 * evenly). The rate is the workspace's `inboundRatePerSecond` when set, else the
 * operator's default; 0 turns it off. A refused message is not stored: the channel gets
 * 429 with Retry-After and retries it (WhatsApp and Telegram do, the HTTP channel's
 * sender should). Redis failing rejects (the route answers 503, as for the enqueue).
 */
export function createWorkspaceInboundLimiter(options: WorkspaceInboundLimiterOptions): WorkspaceInboundLimiter {
  const cacheMs = options.cacheMs ?? 5_000;
  const rates = new Map<string, { rate: number; until: number }>();
  const rateOf = async (workspaceId: string): Promise<number> => {
    const cached = rates.get(workspaceId);
    if (cached && cached.until > Date.now()) return cached.rate;
    const limits = await getWorkspaceLimits(options.db, workspaceId);
    const rate = limits?.inboundRatePerSecond ?? options.defaultRatePerSecond;
    if (rates.size > 10_000) rates.clear();
    rates.set(workspaceId, { rate, until: Date.now() + cacheMs });
    return rate;
  };
  return {
    take: async (workspaceId) => {
      const rate = await rateOf(workspaceId);
      if (rate <= 0) return { ok: true };
      const taken = await takeBucketToken(options.redis, `${options.prefix}:ws-limit:inbound:${workspaceId}`, { burst: rate, perMinute: rate * 60 });
      return taken.ok ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(taken.retryAfterMs / 1_000)) };
    },
  };
}
