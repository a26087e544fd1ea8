import pg from 'pg';
import { quoteIdentifier, splitDatabaseUrl } from './split-database-url';

const protectedDatabases = new Set(['postgres', 'template0', 'template1']);

/**
 * Drops the database named by `databaseUrl` if it exists, first terminating
 * every connection to it (test teardown must not hang on a leaked pool).
 * Refuses the server's system databases.
 */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { databaseName, maintenanceUrl } = splitDatabaseUrl(databaseUrl);
  if (protectedDatabases.has(databaseName)) throw new Error(`Refusing to drop system database ${databaseName}`);
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
      databaseName,
    ]);
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
