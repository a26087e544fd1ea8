import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db } from './create-db';
import { dropDatabase } from './drop-database';
import { ensureDatabase } from './ensure-database';
import { migrate } from './migrate';

/**
 * For integration tests that need a database of their own (an empty one for
 * migrations, or one where fixed ids like 'demo-http' cannot clash with other
 * test files): creates `<run database>_<random>` on the test server. Call
 * `drop` when done.
 */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${url.pathname.slice(1)}_${randomUUID().slice(0, 8)}`;
  const databaseUrl = url.toString();
  const { created } = await ensureDatabase(databaseUrl);
  if (!created) throw new Error(`Scratch database ${databaseUrl} already existed`);
  return { url: databaseUrl, drop: () => dropDatabase(databaseUrl) };
}

/** createScratchDatabase, migrated, with a client on it; `drop` disconnects the client and removes the database. */
export async function createMigratedScratchDatabase(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const scratch = await createScratchDatabase();
  await migrate(scratch.url);
  const db = createDb(scratch.url);
  return {
    db,
    drop: async () => {
      await db.$disconnect();
      await scratch.drop();
    },
  };
}
