import { createHash } from 'node:crypto';
import pg from 'pg';
import { poolOf, type Db } from './create-db';
import { Prisma } from './generated/client';

/**
 * The raw-SQL surface of the hot-path repositories (the turn batch, deliveries,
 * the ingress insert): `$queryRaw` / `$executeRaw` with a tagged template or a
 * `Prisma.sql` fragment. A Prisma client or transaction is one; so is the
 * pg-backed client of `sqlClientOf` / `withSqlTransaction`, which runs the same
 * statements straight on the pool's connections, without Prisma's per-query
 * work (about a fifth of the worker's CPU at load: docs/operations.md,
 * "Benchmarks"), as prepared statements (parsed and planned once per connection). Results come back as Prisma returns them for raw queries:
 * `timestamp` columns as Dates (read as UTC, as Prisma stores them), `bigint`
 * as BigInt, `jsonb` parsed.
 */
export type SqlClient = {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<number>;
};

/** Runs statements on `db`'s pool, each on its own (autocommit), without Prisma. */
export function sqlClientOf(db: Db): SqlClient {
  const pool = poolOf(db);
  return pgSqlClient((config) => pool.query(config));
}

/**
 * Runs `fn` in one transaction on a connection of `db`'s pool, without Prisma:
 * COMMIT if it resolves, ROLLBACK (and the error) if it throws. Keep `fn` to
 * database work, as with withContactLock. No statement of it may run longer
 * than `statementTimeoutMs` (default 60 s; a lock wait included): Postgres
 * cancels it, and the transaction rolls back.
 */
export async function withSqlTransaction<T>(db: Db, fn: (tx: SqlClient) => Promise<T>, options: { statementTimeoutMs?: number } = {}): Promise<T> {
  const timeoutMs = Math.max(1, Math.floor(options.statementTimeoutMs ?? 60_000));
  const client = await poolOf(db).connect();
  // Set when even ROLLBACK failed: the connection is broken and must not go back to the pool.
  let broken: Error | undefined;
  try {
    // One round trip (simple query protocol); the setting ends with the transaction.
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${timeoutMs}`);
    const result = await fn(pgSqlClient((config) => client.query(config)));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: unknown) => {
      broken = rollback instanceof Error ? rollback : new Error(String(rollback));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

const rowsKey: string = 'rows';

function pgSqlClient(run: (config: pg.QueryConfig) => Promise<pg.QueryResult>): SqlClient {
  const statement = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]): pg.QueryConfig => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    // Named, so each connection parses and plans a statement once and then only binds and runs it
    // (a batch statement's text depends on its row count: a few shapes each).
    const name = `parley_${createHash('sha1').update(sql.text).digest('base64url')}`;
    return { name, text: sql.text, values: sql.values.map(toParameter), types };
  };
  return {
    // The rows are whatever the statement returns, exactly as with Prisma's $queryRaw<T>.
    $queryRaw: async (query, ...values) => Reflect.get(await run(statement(query, values)), rowsKey),
    $executeRaw: async (query, ...values) => (await run(statement(query, values))).rowCount ?? 0,
  };
}

/** Parameters as Prisma's adapter sends them: Dates in UTC, BigInts as text. */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toParameter);
  return value;
}

/** Result parsing as Prisma does for raw queries: `timestamp` (stored in UTC) as Date, `bigint` as BigInt. */
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.TIMESTAMP, 'text', (value: string) => new Date(`${value.replace(' ', 'T')}Z`));
types.setTypeParser(pg.types.builtins.INT8, 'text', (value: string) => BigInt(value));
