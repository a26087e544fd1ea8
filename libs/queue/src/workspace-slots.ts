import type { Redis } from 'ioredis';

export type WorkspaceSlotOptions = {
  /** The deployment's Redis key prefix. */
  prefix: string;
  /** What is limited ('calls' ...): one set of slots per kind and workspace. */
  kind: string;
  workspaceId: string;
  /** Who holds the slot (a job id): releasing or re-acquiring with it is idempotent. */
  holder: string;
  /** Most slots the workspace may hold at once, across every worker process. */
  limit: number;
  /** A slot not released within this many ms is free again (its holder died). */
  leaseMs: number;
};

/**
 * Takes one of a workspace's `limit` slots, in one Redis round trip (a sorted set of
 * holders scored by lease expiry: expired leases are dropped first, so a worker that
 * died mid-call frees its slot after `leaseMs`). True when the holder now has a slot
 * (also when it already had one); false when the workspace is at its limit — the
 * caller puts its work back and tries later, and the other workspaces' work goes on.
 */
export async function acquireWorkspaceSlot(redis: Redis, options: WorkspaceSlotOptions, now: number): Promise<boolean> {
  const acquired = await redis.eval(
    `redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
     if redis.call('ZSCORE', KEYS[1], ARGV[3]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
       redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
       redis.call('PEXPIRE', KEYS[1], ARGV[5])
       return 1
     end
     return 0`,
    1,
    slotKey(options),
    String(now),
    String(options.limit),
    options.holder,
    String(now + options.leaseMs),
    String(options.leaseMs),
  );
  return acquired === 1;
}

/** Gives the holder's slot back (a no-op if it has none). */
export async function releaseWorkspaceSlot(redis: Redis, options: Pick<WorkspaceSlotOptions, 'prefix' | 'kind' | 'workspaceId' | 'holder'>): Promise<void> {
  await redis.zrem(slotKey(options), options.holder);
}

function slotKey(options: Pick<WorkspaceSlotOptions, 'prefix' | 'kind' | 'workspaceId'>): string {
  return `${options.prefix}:slots:${options.kind}:${options.workspaceId}`;
}
