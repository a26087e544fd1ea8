import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase, migrate } from '@parley/db';
import { deleteKeys } from '@parley/queue';

/**
 * Integration suite setup: one fresh, migrated Postgres database and one Redis
 * key prefix per test run, so concurrent runs (and a developer's `npm start`)
 * never share state. Both are handed to tests through `inject(...)`.
 * The database is dropped and the prefix's Redis keys deleted at the end unless
 * PARLEY_KEEP_TEST_DB=1.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432';
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const databaseUrl = `${base}/parley_test_${runId}`;
  // The editor's browser test gets a database of its own: its sign-ins all come from one
  // address, and better-auth's per-address limits are counted per database.
  const editorDatabaseUrl = `${databaseUrl}_editor`;
  await Promise.all([ensureDatabase(databaseUrl), ensureDatabase(editorDatabaseUrl)]);
  await migrate(databaseUrl);
  await migrate(editorDatabaseUrl);
  project.provide('databaseUrl', databaseUrl);
  project.provide('editorDatabaseUrl', editorDatabaseUrl);
  project.provide('redisPrefix', `parley_test_${runId}`);
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  project.provide('redisUrl', redisUrl);
  return async () => {
    if (process.env.PARLEY_KEEP_TEST_DB === '1') return;
    await dropDatabase(databaseUrl);
    await dropDatabase(editorDatabaseUrl);
    await deleteKeys(redisUrl, `parley_test_${runId}*`);
  };
}

