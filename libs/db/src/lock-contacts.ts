import type { SqlClient } from './sql-client';
import { Prisma } from './generated/client';

/** A contact of a channel: the unit of ordering (one turn at a time per contact). */
export type ContactRef = { channelId: string; contact: string };

/** The advisory-lock key of a contact, the same in every process. */
export function contactLockKey(ref: ContactRef): string {
  return `parley:contact:${ref.channelId}:${ref.contact}`;
}

/**
 * Takes the transaction-scoped advisory locks of all `contacts` in one
 * statement, waiting for each, and holds them until the transaction ends. Locks
 * are taken in one global order (by their 64-bit hash), so two transactions
 * locking overlapping sets never deadlock each other; a contact listed twice is
 * locked once. The same locks as withContactLock's.
 */
export async function lockContacts(tx: SqlClient, contacts: readonly ContactRef[]): Promise<void> {
  if (contacts.length === 0) return;
  const keys = [...new Set(contacts.map(contactLockKey))];
  await tx.$executeRaw(Prisma.sql`
    SELECT pg_advisory_xact_lock(hash) FROM (
      SELECT DISTINCT hashtextextended(key, 0) AS hash FROM unnest(${keys}::text[]) AS key ORDER BY hash
    ) AS ordered`);
}

/**
 * lockContacts without waiting: takes the locks of those `contacts` that no
 * other transaction holds, in one statement, and returns their lock keys
 * (contactLockKey). A contact held elsewhere is left out: the caller handles it
 * another way (e.g. in its own transaction, which waits), so a batch never waits
 * behind one slow turn and never takes part in a deadlock.
 */
export async function tryLockContacts(tx: SqlClient, contacts: readonly ContactRef[]): Promise<Set<string>> {
  if (contacts.length === 0) return new Set();
  const keys = [...new Set(contacts.map(contactLockKey))];
  const rows = await tx.$queryRaw<{ key: string; locked: boolean }[]>`
    SELECT key, pg_try_advisory_xact_lock(hashtextextended(key, 0)) AS locked FROM unnest(${keys}::text[]) AS key`;
  return new Set(rows.filter((row) => row.locked).map((row) => row.key));
}
