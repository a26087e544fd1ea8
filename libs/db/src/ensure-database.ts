import pg from 'pg';
import { isPgError } from './is-pg-error';
import { quoteIdentifier, splitDatabaseUrl } from './split-database-url';

/**
 * Creates the database named by `databaseUrl` if it does not exist yet, by
 * connecting to the server's `postgres` database. Safe to call concurrently:
 * losing a creation race counts as success. Returns whether it created it.
 */
export async function ensureDatabase(databaseUrl: string): Promise<{ created: boolean }> {
  const { databaseName, maintenanceUrl } = splitDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (existing.rowCount) return { created: false };
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(databaseName)}`);
      return { created: true };
    } catch (error) {
      // 42P04 duplicate_database; 23505 when two CREATEs race on the catalog index.
      if (isPgError(error, '42P04') || isPgError(error, '23505')) return { created: false };
      throw error;
    }
  } finally {
    await client.end();
  }
}

