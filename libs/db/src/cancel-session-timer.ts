import type { Tx } from './create-db';

/**
 * Marks one pending timer 'cancelled' (the engine no longer waits for it). A timer
 * that already fired or was cancelled, or that does not exist, is left alone.
 * Returns whether a pending timer was cancelled.
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages).
 */
export async function cancelSessionTimer(tx: Tx, sessionId: string, timerId: string): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE "SessionTimer" SET "status" = 'cancelled', "settledAt" = ${new Date()}
    WHERE "sessionId" = ${sessionId} AND "timerId" = ${timerId} AND "status" = 'pending'`;
  return count > 0;
}

/**
 * Cancels every pending timer of a session (it ended: nothing it armed may fire
 * any more). Returns the ids of the timers cancelled, so their queue jobs can be
 * removed too.
 */
export async function cancelPendingSessionTimers(tx: Tx, sessionId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ timerId: string }[]>`
    UPDATE "SessionTimer" SET "status" = 'cancelled', "settledAt" = ${new Date()}
    WHERE "sessionId" = ${sessionId} AND "status" = 'pending'
    RETURNING "timerId"`;
  return rows.map((row) => row.timerId);
}
