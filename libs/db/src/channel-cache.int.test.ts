import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createChannelCache } from './channel-cache';
import { createDb, type Tx } from './create-db';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

/** `db` with its channel lookups counted. */
function counting(): { tx: Tx; lookups: () => number } {
  let lookups = 0;
  const channel = new Proxy(db.channel, {
    get(target, property, receiver) {
      if (property === 'findUnique') lookups++;
      return Reflect.get(target, property, receiver);
    },
  });
  const tx = new Proxy(db, { get: (target, property, receiver) => (property === 'channel' ? channel : Reflect.get(target, property, receiver)) });
  return { tx, lookups: () => lookups };
}

describe('createChannelCache', () => {
  it('remembers an unknown channel id briefly: requests naming made-up channels cost one query, not one each', async () => {
    const cache = createChannelCache(randomBytes(32).toString('hex'), { unknownTtlMs: 1_000 });
    const { tx, lookups } = counting();
    const id = `nope-${randomBytes(4).toString('hex')}`;
    for (let i = 0; i < 5; i++) expect(await cache.get(tx, id)).toBeNull();
    expect(lookups()).toBe(1);
    // After the short memory has passed it is looked up again (a channel created meanwhile is found).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await cache.get(tx, id)).toBeNull();
    expect(lookups()).toBe(2);
  });
});
