import type { Tx } from './create-db';
import { Prisma } from './generated/client';
import type { SqlClient } from './sql-client';

/**
 * Marks one pending timer 'cancelled' (the engine no longer waits for it). A timer
 * that already fired or was cancelled, or that does not exist, is left alone.
 * Returns whether a pending timer was cancelled.
 */
export async function cancelSessionTimer(tx: Tx, sessionId: string, timerId: string): Promise<boolean> {
  return (await cancelSessionTimers(tx, [{ sessionId, timerId }])) > 0;
}

/**
 * cancelSessionTimer for many timers in one statement; returns how many pending
 * timers were cancelled.
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages).
 */
export async function cancelSessionTimers(tx: SqlClient, timers: readonly { sessionId: string; timerId: string }[]): Promise<number> {
  if (timers.length === 0) return 0;
  return tx.$executeRaw`${cancelSessionTimersStatement(timers)}`;
}

/** The UPDATE of cancelSessionTimers (also part of writeTurnBatch). */
export function cancelSessionTimersStatement(timers: readonly { sessionId: string; timerId: string }[]): Prisma.Sql {
  return Prisma.sql`
    UPDATE "SessionTimer" AS t SET "status" = 'cancelled', "settledAt" = ${new Date()}
    FROM unnest(${timers.map((timer) => timer.sessionId)}::text[], ${timers.map((timer) => timer.timerId)}::text[]) AS v("sessionId", "timerId")
    WHERE t."sessionId" = v."sessionId" AND t."timerId" = v."timerId" AND t."status" = 'pending'`;
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
