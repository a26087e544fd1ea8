import type { SqlClient } from './sql-client';

/** Where autovacuum does not reach Parley's tables (see findAutovacuumGaps). */
export type AutovacuumGaps = {
  /** The server's `autovacuum` setting is off: no table is analyzed or vacuumed automatically. */
  serverOff: boolean;
  /** Tables of the current database whose own `autovacuum_enabled` storage parameter is false. */
  tablesOff: string[];
};

/**
 * Tells whether autovacuum keeps the database's statistics and dead rows in hand.
 * Parley's statements are written for the plans Postgres picks with statistics (an
 * index per lookup): with autovacuum off no ANALYZE ever runs, the planner works on
 * default estimates, and statements of the turn pipeline read more and more rows as
 * the tables grow (measured in the noisy-neighbour bench: Postgres took about four
 * times the CPU without statistics; docs/operations.md, "Statistics").
 */
export async function findAutovacuumGaps(db: SqlClient): Promise<AutovacuumGaps> {
  const [server] = await db.$queryRaw<{ on: boolean }[]>`SELECT current_setting('autovacuum') = 'on' AS "on"`;
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT c."relname" AS "name" FROM pg_class AS c
    JOIN pg_namespace AS n ON n."oid" = c."relnamespace"
    WHERE n."nspname" = current_schema() AND c."relkind" = 'r' AND 'autovacuum_enabled=false' = ANY(c."reloptions")
    ORDER BY c."relname"`;
  return { serverOff: server?.on !== true, tablesOff: tables.map((table) => table.name) };
}
