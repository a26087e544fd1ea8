import type { Tx } from './create-db';

/**
 * Extends the lease of a delivery in flight to `leaseMs` from now (database clock).
 * Returns false when the lease is no longer this token's (it expired and another
 * attempt claimed the message) or the message is no longer pending.
 */
export async function renewOutboundLease(db: Tx, id: string, token: string, leaseMs: number): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Message"
    SET "deliveryLockedUntil" = (clock_timestamp() AT TIME ZONE 'UTC') + (${leaseMs}::int * interval '1 millisecond')
    WHERE "id" = ${id} AND "deliveryToken" = ${token} AND "status" = 'pending'`;
  return count > 0;
}

/**
 * After a failed attempt that may succeed later: records `error`, gives up the
 * lease and keeps the message (and so the contact's later replies) back for
 * `retryInMs` (database clock). Does nothing when the lease is no longer this
 * token's. Returns whether it changed the message.
 */
export async function releaseOutboundLease(db: Tx, id: string, token: string, error: string, retryInMs: number): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Message"
    SET "deliveryToken" = NULL,
        "deliveryLockedUntil" = (clock_timestamp() AT TIME ZONE 'UTC') + (${retryInMs}::int * interval '1 millisecond'),
        "error" = ${error}
    WHERE "id" = ${id} AND "deliveryToken" = ${token} AND "status" = 'pending'`;
  return count > 0;
}
