import { ensureDatabase } from './ensure-database';
import { migrate } from './migrate';
import { MigrationError } from './migration-error';
import { redactUrl } from './split-database-url';

/**
 * `npm run db:migrate`: creates DATABASE_URL's database if missing and applies
 * pending migrations from prisma/migrations, printing what it applied.
 * Exits 1 with a plain explanation when Postgres is unreachable or a migration fails.
 */
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/parley';

try {
  const { created } = await ensureDatabase(databaseUrl);
  if (created) console.log(`[db] created database ${redactUrl(databaseUrl)}`);
  const { applied } = await migrate(databaseUrl);
  if (applied.length === 0) console.log('[db] schema is up to date');
  for (const name of applied) console.log(`[db] applied ${name}`);
} catch (error) {
  if (error instanceof MigrationError) {
    console.error(`[db] ${error.message}`);
  } else if (isConnectionRefused(error)) {
    console.error(`[db] cannot reach PostgreSQL at ${redactUrl(databaseUrl)}: is it running? Set DATABASE_URL to point elsewhere.`);
  } else {
    console.error('[db] migration failed:', error);
  }
  process.exitCode = 1;
}

function isConnectionRefused(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('code' in error && error.code === 'ECONNREFUSED') return true;
  // Node reports a refused dual-stack connect as an AggregateError of ECONNREFUSED.
  return error instanceof AggregateError && error.errors.some(isConnectionRefused);
}
