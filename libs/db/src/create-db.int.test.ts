import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, type CreateDbOptions } from './create-db';

const dbs: ReturnType<typeof createDb>[] = [];
afterAll(async () => Promise.all(dbs.map((db) => db.$disconnect())));

/** plan_cache_mode as every statement of a client made with `options` sees it (in and out of transactions). */
async function planCacheModes(options: CreateDbOptions): Promise<string[]> {
  const db = createDb(inject('databaseUrl'), { ...options, maxConnections: 2 });
  dbs.push(db);
  const read = async (client: Pick<typeof db, '$queryRaw'>) => (await client.$queryRaw<{ plan_cache_mode: string }[]>`SHOW plan_cache_mode`)[0]?.plan_cache_mode ?? '';
  return Promise.all([read(db), db.$transaction((tx) => read(tx)), read(db)]);
}

describe('createDb planCacheMode', () => {
  it("gives every pooled connection the mode asked for (the worker's custom plans), and leaves the server's default otherwise", async () => {
    expect(await planCacheModes({ planCacheMode: 'force_custom_plan' })).toEqual(['force_custom_plan', 'force_custom_plan', 'force_custom_plan']);
    expect(await planCacheModes({})).toEqual(['auto', 'auto', 'auto']);
  });
});
