import type { Redis } from 'ioredis';
import { clientAddressKey } from './client-address-key';
import { ipLimitsSchema, isIpLimitOn, type IpLimitKind, type IpLimits } from './ip-limits';
import { takeBucketToken } from './take-bucket-token';

export type IpRateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export type IpRateLimiter = {
  /**
   * Takes one `kind` token of the client at `ip` (request.ip). `{ ok: false }`: the
   * address is over its limit; answer 429 with Retry-After (sendTooManyRequests).
   * Rejects when Redis fails (see createIpRateLimiter).
   */
  take: (kind: IpLimitKind, ip: string | undefined) => Promise<IpRateLimitDecision>;
};

export type IpRateLimiterOptions = {
  /** Shared by every API process of the deployment (the queues' producer connection). */
  redis: Redis;
  /** The deployment's Redis key prefix (REDIS_PREFIX): buckets live under `<prefix>:ip-limit:`. */
  prefix: string;
  limits: IpLimits;
};

/**
 * Per-address token buckets in Redis, one per (kind, address), shared by every API
 * process: an address gets the same budget however the load balancer spreads its
 * requests. Addresses are bucketed by clientAddressKey (IPv6 by /64). A kind whose
 * limit is off answers ok without asking Redis.
 *
 * Redis failing fails closed: `take` rejects with Redis's error, so the route's
 * normal error path answers 503 (build-server's error handler). Nothing a web chat
 * does works without Redis anyway (messages are enqueued there, replies reach the
 * event streams through it), and failing open would let a flood through exactly
 * when Redis is struggling, possibly because of that flood. The producer connection
 * fails fast (createProducerRedis), so a request is not held while Redis is away.
 */
export function createIpRateLimiter(options: IpRateLimiterOptions): IpRateLimiter {
  const limits = ipLimitsSchema.parse(options.limits);
  return {
    take: async (kind, ip) => {
      const limit = limits[kind];
      if (!isIpLimitOn(limit)) return { ok: true };
      const taken = await takeBucketToken(options.redis, `${options.prefix}:ip-limit:${kind}:${clientAddressKey(ip)}`, limit);
      return taken.ok ? { ok: true } : { ok: false, retryAfterSeconds: Math.ceil(taken.retryAfterMs / 1000) };
    },
  };
}
