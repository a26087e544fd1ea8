/**
 * Splits a postgres URL into the database it names and a URL for the same
 * server's `postgres` maintenance database (used to create and drop databases,
 * which cannot be done while connected to the target).
 */
export function splitDatabaseUrl(databaseUrl: string): { databaseName: string; maintenanceUrl: string } {
  const url = new URL(databaseUrl);
  const databaseName = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!databaseName) throw new Error(`Database URL names no database: ${redactUrl(databaseUrl)}`);
  url.pathname = '/postgres';
  return { databaseName, maintenanceUrl: url.toString() };
}

/** Quotes a Postgres identifier (database, table ...) for use in DDL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The URL with its password masked, for messages and logs. */
export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparseable database URL>';
  }
}
