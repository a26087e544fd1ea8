import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { IpLimits } from './ip-limits';
import { createIpRateLimiter } from './ip-rate-limiter';
import { takeBucketToken } from './take-bucket-token';

/**
 * Against the real Redis, under this run's key prefix plus a fresh suffix per test, so
 * no two tests (or runs) share a bucket. Two connections stand for two API processes.
 */
let redis: Redis;
let other: Redis;

beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  other = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  await Promise.all([redis.quit(), other.quit()]);
});

const off = { burst: 0, perMinute: 0 };

function freshPrefix(): string {
  return `${inject('redisPrefix')}_ip_${randomUUID().slice(0, 8)}`;
}

function limiter(limits: Partial<IpLimits>, options: { prefix?: string; connection?: Redis } = {}) {
  return createIpRateLimiter({
    redis: options.connection ?? redis,
    prefix: options.prefix ?? freshPrefix(),
    limits: { session: off, message: off, stream: off, ...limits },
  });
}

async function takeMany(take: () => Promise<{ ok: boolean }>, count: number): Promise<boolean[]> {
  const results: boolean[] = [];
  for (let index = 0; index < count; index += 1) results.push((await take()).ok);
  return results;
}

describe('takeBucketToken (the bucket)', () => {
  it('starts full, gives one token a request down to zero, then says when the next whole token comes', async () => {
    const key = `${freshPrefix()}:bucket`;
    const limit = { burst: 3, perMinute: 1 };
    expect(await takeBucketToken(redis, key, limit)).toEqual({ ok: true, tokensLeft: 2 });
    expect(await takeBucketToken(redis, key, limit)).toEqual({ ok: true, tokensLeft: 1 });
    expect(await takeBucketToken(redis, key, limit)).toEqual({ ok: true, tokensLeft: 0 });
    const refused = await takeBucketToken(redis, key, limit);
    // One token a minute: the next one is (almost) a minute away.
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(59_000);
    if (!refused.ok) expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    // The key lives until the bucket would be full again (3 minutes), not forever.
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(170_000);
    expect(ttl).toBeLessThanOrEqual(181_000);
  });

  it('refills at perMinute, spread evenly, up to the burst and no further', async () => {
    const key = `${freshPrefix()}:bucket`;
    // 6 000 a minute: one token every 10 ms.
    const limit = { burst: 2, perMinute: 6_000 };
    expect((await takeBucketToken(redis, key, limit)).ok).toBe(true);
    expect((await takeBucketToken(redis, key, limit)).ok).toBe(true);
    const refused = await takeBucketToken(redis, key, limit);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeLessThanOrEqual(10);
    await sleep(200);
    // 20 tokens' worth of time, but the bucket holds 2.
    expect(await takeBucketToken(redis, key, limit)).toEqual({ ok: true, tokensLeft: 1 });
    expect(await takeBucketToken(redis, key, limit)).toEqual({ ok: true, tokensLeft: 0 });
  });

  it('is atomic: of many concurrent takes from two connections exactly `burst` succeed', async () => {
    const key = `${freshPrefix()}:bucket`;
    const limit = { burst: 10, perMinute: 1 };
    const results = await Promise.all(Array.from({ length: 60 }, (_, index) => takeBucketToken(index % 2 === 0 ? redis : other, key, limit)));
    expect(results.filter((result) => result.ok)).toHaveLength(10);
  });
});

describe('createIpRateLimiter', () => {
  it('refuses an address past its burst with the seconds to wait, while other addresses and kinds go on', async () => {
    const ipLimiter = limiter({ session: { burst: 3, perMinute: 60 }, message: { burst: 1, perMinute: 60 } });
    expect(await takeMany(() => ipLimiter.take('session', '203.0.113.9'), 4)).toEqual([true, true, true, false]);
    // 60 a minute: the next token within a second.
    expect(await ipLimiter.take('session', '203.0.113.9')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await ipLimiter.take('session', '203.0.113.10')).toEqual({ ok: true });
    expect(await ipLimiter.take('message', '203.0.113.9')).toEqual({ ok: true });
  });

  it('buckets IPv6 addresses by /64 and an IPv4-mapped address with its IPv4 address', async () => {
    const ipLimiter = limiter({ stream: { burst: 2, perMinute: 1 } });
    expect((await ipLimiter.take('stream', '2001:db8:1:2::1')).ok).toBe(true);
    expect((await ipLimiter.take('stream', '2001:db8:1:2:aaaa:bbbb:cccc:dddd')).ok).toBe(true);
    expect((await ipLimiter.take('stream', '2001:db8:1:2::ffff')).ok).toBe(false);
    expect((await ipLimiter.take('stream', '2001:db8:1:3::1')).ok).toBe(true);

    expect((await ipLimiter.take('stream', '198.51.100.4')).ok).toBe(true);
    expect((await ipLimiter.take('stream', '::ffff:198.51.100.4')).ok).toBe(true);
    expect((await ipLimiter.take('stream', '198.51.100.4')).ok).toBe(false);
  });

  it('shares one budget between processes using the same prefix, and none between prefixes', async () => {
    const prefix = freshPrefix();
    const limits = { session: { burst: 4, perMinute: 1 } };
    const first = limiter(limits, { prefix, connection: redis });
    const second = limiter(limits, { prefix, connection: other });
    for (let round = 0; round < 2; round += 1) {
      expect((await first.take('session', '192.0.2.1')).ok).toBe(true);
      expect((await second.take('session', '192.0.2.1')).ok).toBe(true);
    }
    expect((await first.take('session', '192.0.2.1')).ok).toBe(false);
    expect((await second.take('session', '192.0.2.1')).ok).toBe(false);
    expect((await limiter(limits, { connection: other }).take('session', '192.0.2.1')).ok).toBe(true);
  });

  it('never asks Redis for a limit that is off (0 in either setting)', async () => {
    const prefix = freshPrefix();
    const ipLimiter = limiter({ session: { burst: 0, perMinute: 10 }, message: { burst: 10, perMinute: 0 } }, { prefix });
    expect(await takeMany(() => ipLimiter.take('session', '192.0.2.1'), 50)).not.toContain(false);
    expect(await takeMany(() => ipLimiter.take('message', '192.0.2.1'), 50)).not.toContain(false);
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);
  });

  it('fails closed: rejects with the Redis error when Redis cannot be reached', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    unreachable.on('error', () => undefined);
    try {
      const ipLimiter = limiter({ message: { burst: 5, perMinute: 5 } }, { connection: unreachable });
      await expect(ipLimiter.take('message', '192.0.2.1')).rejects.toThrow();
    } finally {
      unreachable.disconnect();
    }
  });
});
