import { dropDatabase, ensureDatabase, migrate } from '@parley/db';
import pg from 'pg';

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

/**
 * Runs a maintenance statement on a bench's database: `ANALYZE` gives it the statistics
 * a database in service has (these machines run Postgres with autovacuum off);
 * `VACUUM ANALYZE` also clears the dead rows a start phase left.
 */
export async function maintainDatabase(databaseUrl: string, statement: 'ANALYZE' | 'VACUUM ANALYZE'): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
