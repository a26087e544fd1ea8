import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { acquireRateLimit } from './acquire-rate-limit';
import { rateLimitKeys } from './rate-limit-keys';
import type { RateLimitOptions } from './rate-limit-options';
import { reserveRateLimitSlot } from './reserve-rate-limit-slot';

/**
 * Against the real Redis, under this run's key prefix; every test uses its own endpoint.
 * Spacing is checked on the slots' Redis-clock times (`slotAtMs`), so a busy test
 * machine cannot blur it.
 */
let redis: Redis;
const keyPrefix = inject('redisPrefix');

beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  await redis.quit();
});

function options(overrides: Partial<RateLimitOptions> = {}): RateLimitOptions {
  return {
    keyPrefix,
    endpointKey: `http://${randomUUID()}.test:80`,
    sourceKey: '10.0.0.1',
    perEndpoint: 100,
    perEndpointPerSource: 100,
    maxWaitMs: 10_000,
    ...overrides,
  };
}

type Slot = { at: number; source: string };

/** Reserves `count` slots at once (all requests in flight together); resolves with each outcome. */
async function reserveMany(count: number, optionsFor: (index: number) => RateLimitOptions) {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const current = optionsFor(index);
      const reservation = await reserveRateLimitSlot(redis, current);
      return { reservation, source: current.sourceKey };
    }),
  );
}

function admittedSlots(results: Awaited<ReturnType<typeof reserveMany>>): Slot[] {
  return results
    .flatMap(({ reservation, source }) => (reservation.ok ? [{ at: reservation.slotAtMs, source }] : []))
    .sort((a, b) => a.at - b.at);
}

/** The smallest gap between consecutive slots (sorted), in ms. */
function closestGap(slots: readonly Slot[]): number {
  let closest = Infinity;
  for (let index = 1; index < slots.length; index += 1) closest = Math.min(closest, (slots[index]?.at ?? 0) - (slots[index - 1]?.at ?? 0));
  return closest;
}

/** Slots within [first, first + 1000): at most the limit when the gaps hold. */
function inFirstSecond(slots: readonly Slot[]): number {
  const first = slots[0]?.at ?? 0;
  return slots.filter((slot) => slot.at < first + 1000).length;
}

describe('reserveRateLimitSlot against Redis', () => {
  it('spaces 300 simultaneous requests 10 ms apart at 100/s: no second holds more than 100', async () => {
    const shared = options();
    const results = await reserveMany(300, () => shared);
    expect(results.every(({ reservation }) => reservation.ok)).toBe(true);
    const slots = admittedSlots(results);
    expect(closestGap(slots)).toBeGreaterThanOrEqual(9.998);
    expect(inFirstSecond(slots)).toBeLessThanOrEqual(100);
    const span = (slots.at(-1)?.at ?? 0) - (slots[0]?.at ?? 0);
    expect(span).toBeGreaterThanOrEqual(2_989);
    expect(span).toBeLessThan(3_100);
    const waits = results.flatMap(({ reservation }) => (reservation.ok ? [reservation.waitMs] : [])).sort((a, b) => a - b);
    expect(waits[0]).toBeLessThanOrEqual(1);
  });

  it('holds each source to perEndpointPerSource and all sources together to perEndpoint', async () => {
    const base = options({ perEndpoint: 100, perEndpointPerSource: 50 });
    const sources = ['10.0.0.1', '10.0.0.2', '10.0.0.3'];
    const results = await reserveMany(240, (index) => ({ ...base, sourceKey: sources[index % 3] ?? 'x' }));
    const slots = admittedSlots(results);
    expect(slots).toHaveLength(240);
    expect(closestGap(slots)).toBeGreaterThanOrEqual(9.998);
    for (const source of sources) {
      const own = slots.filter((slot) => slot.source === source);
      expect(closestGap(own), source).toBeGreaterThanOrEqual(19.998);
      expect(inFirstSecond(own), source).toBeLessThanOrEqual(50);
    }
  });

  it('a second source fills the gaps the first one leaves, even when it asks later', async () => {
    const base = options({ perEndpoint: 100, perEndpointPerSource: 50 });
    // Source A books 2 s ahead at its 50/s; the endpoint still has every other 10 ms free.
    const first = admittedSlots(await reserveMany(100, () => ({ ...base, sourceKey: '10.0.0.1' })));
    const second = admittedSlots(await reserveMany(100, () => ({ ...base, sourceKey: '10.0.0.2' })));
    const start = first[0]?.at ?? 0;
    expect((first.at(-1)?.at ?? 0) - start).toBeLessThan(2_100);
    expect((second.at(-1)?.at ?? 0) - start).toBeLessThan(2_100);
    const all = [...first, ...second].sort((a, b) => a.at - b.at);
    expect(closestGap(all)).toBeGreaterThanOrEqual(9.998);
    expect(closestGap(second)).toBeGreaterThanOrEqual(19.998);
  });

  it('one source alone gets only its own share: 50/s', async () => {
    const shared = options({ perEndpoint: 100, perEndpointPerSource: 50 });
    const slots = admittedSlots(await reserveMany(100, () => shared));
    const span = (slots.at(-1)?.at ?? 0) - (slots[0]?.at ?? 0);
    expect(span).toBeGreaterThanOrEqual(1_979);
    expect(closestGap(slots)).toBeGreaterThanOrEqual(19.998);
  });

  it('refuses what does not fit in maxWaitMs, reserving nothing for it, and says when it would fit', async () => {
    const shared = options({ maxWaitMs: 500 });
    const results = await reserveMany(200, () => shared);
    const admitted = results.filter(({ reservation }) => reservation.ok);
    const refused = results.flatMap(({ reservation }) => (reservation.ok ? [] : [reservation.retryAfterMs]));
    expect(admitted.length + refused.length).toBe(200);
    // Slots 0, 10, ..., 500 ms from the first (51), plus one per 10 ms the 200 calls took to arrive.
    expect(admitted.length).toBeGreaterThanOrEqual(51);
    expect(admitted.length).toBeLessThan(100);
    expect(admitted.every(({ reservation }) => reservation.ok && reservation.waitMs <= 500)).toBe(true);
    expect(refused.every((retryAfterMs) => retryAfterMs >= 1 && retryAfterMs <= 20)).toBe(true);
    // Refusals left the schedule alone: the next slot is right after the last admitted one.
    const next = await reserveRateLimitSlot(redis, { ...shared, maxWaitMs: 10_000 });
    expect(next.ok && next.waitMs).toBeLessThanOrEqual(520);
  });

  it('keeps endpoints independent', async () => {
    const busy = options({ perEndpoint: 1, perEndpointPerSource: 1 });
    expect(await reserveRateLimitSlot(redis, busy)).toMatchObject({ ok: true, waitMs: 0 });
    expect((await reserveRateLimitSlot(redis, { ...busy, maxWaitMs: 0 })).ok).toBe(false);
    expect(await reserveRateLimitSlot(redis, { ...busy, endpointKey: `${busy.endpointKey}1` })).toMatchObject({ ok: true, waitMs: 0 });
  });

  it('lets its keys expire about a second after the schedule frees up', async () => {
    const current = options({ perEndpoint: 10, perEndpointPerSource: 5 });
    await reserveRateLimitSlot(redis, current);
    const [endpointKey, sourceKey] = rateLimitKeys(keyPrefix, current.endpointKey, current.sourceKey);
    const [endpointTtl, sourceTtl] = await Promise.all([redis.pttl(endpointKey), redis.pttl(sourceKey)]);
    expect(endpointTtl).toBeGreaterThan(1_000);
    expect(endpointTtl).toBeLessThanOrEqual(1_101);
    expect(sourceTtl).toBeGreaterThan(1_100);
    expect(sourceTtl).toBeLessThanOrEqual(1_201);
  });

  it('refuses invalid options before touching Redis', async () => {
    await expect(reserveRateLimitSlot(redis, options({ perEndpoint: 0 }))).rejects.toThrow(/perEndpoint/);
    await expect(reserveRateLimitSlot(redis, options({ keyPrefix: 'bad prefix' }))).rejects.toThrow(/keyPrefix/);
  });
});

describe('acquireRateLimit against Redis', () => {
  it('waits for its slot before resolving', async () => {
    const current = options({ perEndpoint: 10, perEndpointPerSource: 10 });
    const started = performance.now();
    const results = await Promise.all([0, 1, 2].map(() => acquireRateLimit(redis, current)));
    const elapsed = performance.now() - started;
    const waited = results.map((result) => (result.ok ? result.waitedMs : -1)).sort((a, b) => a - b);
    expect(waited[0]).toBeLessThan(50);
    // Slots 100 ms apart, less the few ms between the three reservations on a busy machine.
    expect(waited[1]).toBeGreaterThanOrEqual(80);
    expect(waited[2]).toBeGreaterThanOrEqual(180);
    expect(elapsed).toBeGreaterThanOrEqual(180);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('reports rate-limited at once, without waiting, when no slot comes within maxWaitMs', async () => {
    const current = options({ perEndpoint: 1, perEndpointPerSource: 1, maxWaitMs: 200 });
    const first = await acquireRateLimit(redis, current);
    expect(first.ok && first.waitedMs).toBeLessThan(50);
    const started = performance.now();
    const refused = await acquireRateLimit(redis, current);
    expect(performance.now() - started).toBeLessThan(100);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterMs).toBeGreaterThan(700);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(801);
    }
  });

  it('gives up a slot it wakes up for too late (stalled event loop) and takes a new one', async () => {
    const current = options({ perEndpoint: 10, perEndpointPerSource: 10 });
    const first = await reserveRateLimitSlot(redis, current);
    if (!first.ok) throw new Error('the first slot must be free');
    const waiting = acquireRateLimit(redis, current);
    // Let its reservation (the slot 100 ms after the first) arrive, then hold the event loop past it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const blockedUntil = performance.now() + 250;
    while (performance.now() < blockedUntil) {
      // busy: the timer for the slot cannot fire
    }
    const result = await waiting;
    expect(result).toMatchObject({ ok: true, missedSlots: 1 });
    expect(result.ok && result.waitedMs).toBeGreaterThanOrEqual(250);
    // The slot it went with is the new one, taken after the stall, not the missed one.
    const [endpointKey] = rateLimitKeys(keyPrefix, current.endpointKey, current.sourceKey);
    const latest = Number((await redis.zrange(endpointKey, -1, -1))[0]);
    expect(latest - first.slotAtMs).toBeGreaterThanOrEqual(250);
  });

  it('rejects when Redis cannot be reached (the limit cannot be checked)', async () => {
    const offline = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    offline.on('error', () => undefined);
    await expect(acquireRateLimit(offline, options())).rejects.toThrow();
    offline.disconnect();
  });
});
