import type { Db, Tx } from './create-db';
import type { Prisma } from './generated/client';

/** Prisma's interactive-transaction options, used when a transaction is opened. */
export type TransactionOptions = {
  /** How long to wait for a pooled connection (Prisma's default: 2 s). */
  maxWait?: number;
  /** How long the transaction may run (Prisma's default: 5 s). */
  timeout?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
};

/**
 * Runs `fn` in a transaction: given a `Db`, in a new interactive transaction of its
 * own (committed when `fn` resolves, rolled back when it throws); given a `Tx`, in
 * that already-open transaction, which the caller commits or rolls back (row locks
 * `fn` takes are then held until the caller's transaction ends, and `options` are
 * ignored). Lets a repository that needs atomicity run both standalone and inside a
 * caller's transaction, e.g. the API's row-level-security scope (withWorkspaceScope).
 *
 * Prisma has no nested transactions (no savepoints here): an error inside `fn` aborts
 * the caller's whole transaction, so a caller must not catch a database error and
 * carry on in the same `Tx`.
 */
export async function runInTransaction<T>(db: Tx, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (isClient(db)) return db.$transaction(fn, options);
  return fn(db);
}

/**
 * A full client can open transactions; a transaction client cannot (Prisma removes
 * `$transaction` from it, at run time as in its type).
 */
function isClient(db: Tx): db is Db {
  return typeof Reflect.get(db, '$transaction') === 'function';
}
