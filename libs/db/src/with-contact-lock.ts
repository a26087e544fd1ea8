import type { Db, Tx } from './create-db';
import { lockContacts, type ContactRef } from './lock-contacts';

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
  return withContactLocks(db, [{ channelId, contact }], fn, options);
}

/** withContactLock for many contacts at once: one transaction holding all their locks (see lockContacts). */
export async function withContactLocks<T>(
  db: Db,
  contacts: readonly ContactRef[],
  fn: (tx: Tx) => Promise<T>,
  options: ContactLockOptions = {},
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await lockContacts(tx, contacts);
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 60_000, maxWait: options.maxWaitMs ?? 10_000 },
  );
}
