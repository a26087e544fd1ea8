import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from './generated/client';

/** The Prisma client, connected through the `pg` driver adapter (no native engine). */
export type Db = PrismaClient;

/**
 * A client inside an interactive transaction. Every repository that does not
 * need to open its own transaction takes a `Tx`; a `Db` is accepted there too,
 * in which case each statement commits on its own.
 */
export type Tx = Prisma.TransactionClient;

export type CreateDbOptions = {
  /** Size of the `pg` connection pool (default: pg's default, 10). */
  maxConnections?: number;
  /**
   * Postgres `plan_cache_mode` of every pooled connection (default: the server's, 'auto').
   * 'force_custom_plan' plans each execution of a prepared statement with its parameters
   * and the tables as they are now. Under 'auto' a statement run five times keeps a
   * generic plan, costed when it was made: made on a nearly empty table (a fresh
   * database, the first minute of a fast-growing one, before autovacuum's ANALYZE
   * invalidates it) it keeps scanning the whole table as the table grows.
   */
  planCacheMode?: 'auto' | 'force_custom_plan';
};

/**
 * Opens a Prisma client for `databaseUrl` on a `pg` pool. Connections open
 * lazily; call `db.$disconnect()` to close the pool.
 *
 * Every pooled connection carries its own 'error' listener. Without it, a
 * Postgres restart can kill the process: when a query finishes while callers wait
 * for a connection, pg-pool hands the connection to the next caller (dropping
 * its idle listener) before that caller's transaction attaches one, and a
 * "terminating connection" error arriving in the same network read is then an
 * unhandled 'error' event. The connection is still discarded as broken by the
 * pool and the adapter; the listener only keeps the process alive.
 */
export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    ...(options.maxConnections === undefined ? {} : { max: options.maxConnections }),
    ...(options.planCacheMode === undefined ? {} : { options: `-c plan_cache_mode=${options.planCacheMode}` }),
  });
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  // Errors of idle connections; the pool discards them.
  pool.on('error', () => undefined);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PrismaClient({ adapter });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<Db, pg.Pool>();

/** The `pg` pool under a client made by createDb (for raw SQL without Prisma: see sql-client.ts). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('this Prisma client was not made by createDb: it has no pg pool of ours');
  return pool;
}
