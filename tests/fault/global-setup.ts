import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase, migrate } from '@parley/db';
import { ensureServices, flushRedisDatabase } from './support/services';

/**
 * Fault suite setup. The suite stops and restarts the machine's Postgres and
 * Redis, so it must run alone (`npx vitest run --project fault`, which
 * scripts/test.sh runs after the integration suite): when other projects are in
 * the same run, its tests are skipped.
 * Each run gets a fresh, migrated database and uses its own Redis database
 * (TEST_FAULT_REDIS_URL, default db 13), which it may FLUSHDB; it never wipes
 * other databases. Postgres and Redis are left running, whatever happened.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const others = project.vitest.projects.map((each) => each.name).filter((name) => name !== project.name);
  project.provide('faultSuiteAlone', others.length === 0);
  if (others.length > 0) {
    console.warn(`fault suite skipped: it restarts Postgres and Redis, so it runs alone (not with ${others.join(', ')}): npx vitest run --project fault`);
    return async () => undefined;
  }
  await ensureServices();
  const base = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432';
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const databaseUrl = `${base}/parley_fault_${runId}`;
  const redisUrl = process.env.TEST_FAULT_REDIS_URL ?? 'redis://127.0.0.1:6379/13';
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  await flushRedisDatabase(redisUrl);
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisPrefix', `parley_fault_${runId}`);
  project.provide('redisUrl', redisUrl);
  return async () => {
    await ensureServices();
    await flushRedisDatabase(redisUrl);
    if (process.env.PARLEY_KEEP_TEST_DB !== '1') await dropDatabase(databaseUrl);
  };
}
