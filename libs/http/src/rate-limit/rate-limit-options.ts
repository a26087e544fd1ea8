import type { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * One request's claim on an endpoint's throughput (see acquireRateLimit):
 * - endpointKey: the endpoint, as rateLimitEndpointKey gives it (scheme + host + port);
 * - sourceKey: the source address the platform sends from (see defaultSourceAddress);
 * - perEndpoint / perEndpointPerSource: requests per second allowed to the endpoint from
 *   all senders / from this source address;
 * - maxWaitMs: the longest the request may be delayed to fit (0: only an immediate slot);
 * - keyPrefix: namespace of the Redis keys (the deployment's or test run's REDIS_PREFIX).
 */
export const rateLimitOptionsSchema = z.object({
  endpointKey: z.string().min(1).max(2048),
  sourceKey: z.string().min(1).max(256),
  perEndpoint: z.number().int().min(1).max(100_000),
  perEndpointPerSource: z.number().int().min(1).max(100_000),
  maxWaitMs: z.number().int().min(0).max(60_000),
  keyPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,64}$/, 'keyPrefix: 1–64 letters, digits, _, - or :')
    .default('parley'),
});
/** What callers write (keyPrefix optional). */
export type RateLimitOptions = z.input<typeof rateLimitOptionsSchema>;

/**
 * - ok: the request may go `waitMs` from now (0: at once); its slot is reserved.
 *   `slotAtMs`: that moment on Redis's clock (epoch ms, sub-millisecond), for callers
 *   that schedule rather than sleep, and for checking spacing across processes.
 * - not ok: no slot within maxWaitMs; nothing was reserved. `retryAfterMs`: how much
 *   later the same request would have fitted, had nobody else claimed a slot meanwhile.
 */
export type RateLimitReservation = { ok: true; waitMs: number; slotAtMs: number } | { ok: false; retryAfterMs: number };

/**
 * acquireRateLimit's outcome: go now after waiting `waitedMs`, or refused (never dropped
 * silently). `missedSlots`: slots given up because this process woke too late for them.
 */
export type RateLimitResult = { ok: true; waitedMs: number; missedSlots: number } | { ok: false; retryAfterMs: number; missedSlots: number };

/**
 * Where a process counts its requests and which address it sends from: what the
 * executor needs to call acquireRateLimit (the worker builds it once at start).
 * - redis: any connection to the deployment's Redis (all workers must share one Redis);
 * - keyPrefix: the deployment's REDIS_PREFIX;
 * - sourceAddress: this process's egress address (configured, or defaultSourceAddress()).
 */
export type RateLimitContext = { redis: Redis; keyPrefix: string; sourceAddress: string };
