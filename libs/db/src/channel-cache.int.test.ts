import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createChannelCache } from './channel-cache';
import { createDb } from './create-db';
import type { SqlClient } from './sql-client';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

/** `db` with its queries counted. */
function counting(): { tx: SqlClient; lookups: () => number } {
  let lookups = 0;
  const tx: SqlClient = {
    $queryRaw: (query, ...values) => {
      lookups++;
      return db.$queryRaw(query, ...values);
    },
    $executeRaw: (query, ...values) => db.$executeRaw(query, ...values),
  };
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
