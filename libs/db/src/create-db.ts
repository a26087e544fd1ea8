import { PrismaPg } from '@prisma/adapter-pg';
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
};

/**
 * Opens a Prisma client for `databaseUrl` on a `pg` pool. Connections open
 * lazily; call `db.$disconnect()` to close the pool.
 */
export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    ...(options.maxConnections === undefined ? {} : { max: options.maxConnections }),
  });
  return new PrismaClient({ adapter });
}
