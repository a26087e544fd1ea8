import { dropDatabase, ensureDatabase, migrate } from '@parley/db';

/**
 * A fresh, migrated database for one benchmark run on the server of
 * BENCH_DATABASE_BASE_URL (default postgresql://postgres@127.0.0.1:5432);
 * `drop` removes it. Throws a message naming the variable when Postgres is not there.
 */
export async function scratchDatabase(suite: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env['BENCH_DATABASE_BASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
  const url = `${base}/parley_bench_${suite.replace(/\W/g, '_')}_${Date.now().toString(36)}_${process.pid}`;
  try {
    await ensureDatabase(url);
  } catch (error) {
    throw new Error(`The ${suite} bench needs Postgres at ${base} (set BENCH_DATABASE_BASE_URL): ${String(error)}`);
  }
  await migrate(url);
  return { url, drop: () => dropDatabase(url) };
}
