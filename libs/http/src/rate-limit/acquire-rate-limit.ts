import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { rateLimitOptionsSchema, type RateLimitOptions, type RateLimitResult } from './rate-limit-options';
import { reserveRateLimitSlot } from './reserve-rate-limit-slot';

/**
 * How late after its slot a request may still go. Later than this (the event loop was
 * stalled: CPU starvation, a long GC), sending would bunch it with the requests of the
 * following slots at the receiver, so the slot is given up (it stays spent) and a new
 * one taken. So sends fall within [slot, slot + 50 ms]: at most limit + limit/20 in any
 * second (100/s: 105). Smaller values tighten that but waste slots whenever a busy
 * process lags a little (measured: at 10 ms a loaded 2-core machine lost half its slots).
 */
export const maxSlotLatenessMs = 50;

/**
 * Waits until one request may be sent to `options.endpointKey` within both throughput
 * limits, shared through Redis by every process using the same `keyPrefix`:
 * `perEndpoint` requests/s from all senders and `perEndpointPerSource` requests/s from
 * `sourceKey` (the sending address). Each request gets the earliest time that keeps the
 * endpoint's sends, and this source's, at least 1000/limit ms apart, so no 1-second
 * window holds more than the limit (see reserveRateLimitSlot). A slot this process
 * wakes up for more than maxSlotLatenessMs late is given up (it stays spent) and the
 * remaining wait budget is used for a new one.
 *
 * - `{ ok: true, waitedMs }`: the slot has come (after waiting `waitedMs` in all,
 *   ≤ maxWaitMs ≤ 60 s): send now. It covers ONE request: a retry must acquire again.
 * - `{ ok: false, retryAfterMs }`: no slot within what is left of `maxWaitMs`; nothing
 *   more was reserved. The caller reports the request as rate-limited; it never drops it.
 * Both say how many slots were given up on the way (`missedSlots`: 0 unless this
 * process lagged; worth a log line, it means the worker is short of CPU).
 * Rejects when Redis fails or the options are invalid (see reserveRateLimitSlot).
 */
export async function acquireRateLimit(redis: Redis, options: RateLimitOptions): Promise<RateLimitResult> {
  const { maxWaitMs } = rateLimitOptionsSchema.parse(options);
  const started = performance.now();
  for (let missedSlots = 0; ; missedSlots += 1) {
    const asked = performance.now();
    const budget = Math.max(0, Math.floor(maxWaitMs - (asked - started)));
    const reservation = await reserveRateLimitSlot(redis, { ...options, maxWaitMs: budget });
    if (!reservation.ok) return { ...reservation, missedSlots };
    // The slot is at least this late on our clock (the wait counts from when Redis ran the
    // script, after we asked): measuring lateness from here never under-counts it, even
    // when the reply itself was held up by a stalled event loop.
    const due = asked + reservation.waitMs;
    if (reservation.waitMs > 0) await sleep(reservation.waitMs);
    const woke = performance.now();
    if (woke - due <= maxSlotLatenessMs) return { ok: true, waitedMs: Math.round(woke - started), missedSlots };
  }
}
