import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TtlCache', () => {
  it('serves a loaded value until ttlMs has passed, then loads it again', async () => {
    const time = clock();
    const cache = new TtlCache<string>({ ttlMs: 5_000, now: time.now });
    let loads = 0;
    const load = async () => `v${(loads += 1)}`;
    expect(await cache.get('k', load)).toBe('v1');
    time.advance(4_999);
    expect(await cache.get('k', load)).toBe('v1');
    time.advance(1);
    expect(await cache.get('k', load)).toBe('v2');
  });

  it('never makes a caller wait for another caller’s load (each miss loads with its own reader)', async () => {
    const cache = new TtlCache<string>({ ttlMs: 1_000 });
    let release: (value: string) => void = () => undefined;
    const slow = cache.get('k', () => new Promise<string>((done) => (release = done)));
    // A second caller does not wait for the first, unfinished load (a transaction waiting on
    // a load that needs another pooled connection could deadlock the pool).
    expect(await cache.get('k', async () => 'own')).toBe('own');
    release('first');
    expect(await slow).toBe('first');
    expect(await cache.get('k', async () => 'unused')).toBe('first');
  });

  it('does not keep failed loads or values `keep` refuses (e.g. not found)', async () => {
    const cache = new TtlCache<string | null>({ ttlMs: 60_000, keep: (value) => value !== null });
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', async () => null)).toBeNull();
    expect(await cache.get('k', async () => 'created')).toBe('created');
    expect(await cache.get('k', async () => 'changed')).toBe('created');
  });

  it('forgets on invalidate, keeps at most maxEntries, and is off with ttlMs 0', async () => {
    const cache = new TtlCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
    cache.invalidate('c');
    expect(await cache.get('c', async () => 'c2')).toBe('c2');
    const off = new TtlCache<string>({ ttlMs: 0 });
    await off.get('k', async () => 'one');
    expect(await off.get('k', async () => 'two')).toBe('two');
  });
});
