import type { Db, Tx } from './create-db';

export type ContactLockOptions = {
  /** Upper bound for the whole transaction, lock wait included (default 60 s). */
  timeoutMs?: number;
  /** How long to wait for a pool connection (default 10 s). */
  maxWaitMs?: number;
};

/**
 * Runs `fn` in one transaction that first takes a transaction-scoped advisory
 * lock on (channelId, contact). Any two callers for the same contact — in this
 * process or another — therefore run one after the other, and the lock is
 * released when the transaction commits or rolls back (also if the process
 * dies). `fn`'s writes commit only if it resolves; if it throws, everything
 * rolls back and the error propagates.
 *
 * Keep `fn` to database work: slow I/O inside it holds the lock and a pooled
 * connection for its duration.
 */
export async function withContactLock<T>(
  db: Db,
  channelId: string,
  contact: string,
  fn: (tx: Tx) => Promise<T>,
  options: ContactLockOptions = {},
): Promise<T> {
  const key = `parley:contact:${channelId}:${contact}`;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 60_000, maxWait: options.maxWaitMs ?? 10_000 },
  );
}
