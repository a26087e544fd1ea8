import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { dropDatabase, ensureDatabase, migrate } from '@parley/db';

/**
 * A migrated database of the test file's own (`<run database>_wc_<random>`).
 * Web chat tests need one: a worker's reconciler picks up pending work from the
 * whole database, and a web chat reply delivered by another test platform's
 * worker would be announced under that platform's Redis prefix, where this
 * test's API processes never hear it. (One deployment, one database, one
 * prefix: production never shares like that.)
 */
export async function ownDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${url.pathname.slice(1)}_wc_${randomUUID().slice(0, 8)}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  return { url: databaseUrl, drop: () => (process.env.PARLEY_KEEP_TEST_DB === '1' ? Promise.resolve() : dropDatabase(databaseUrl)) };
}
