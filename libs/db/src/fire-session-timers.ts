import { Prisma } from './generated/client';
import type { FireSessionTimerOutcome } from './fire-session-timer';
import type { SqlClient } from './sql-client';

/** The key of a timer in fireSessionTimers' answer. */
export function sessionTimerKey(sessionId: string, timerId: string): string {
  return `${sessionId}\n${timerId}`;
}

/**
 * fireSessionTimer for many timers in one statement: each pending one becomes
 * 'fired' (once: of two transactions firing the same timer, only the first in commit
 * order gets 'fired'). Returns each timer's outcome by sessionTimerKey. Call it in the
 * transaction that runs the timers' turns, so a rolled-back turn leaves them pending.
 */
export async function fireSessionTimers(
  tx: SqlClient,
  timers: readonly { sessionId: string; timerId: string }[],
): Promise<Map<string, FireSessionTimerOutcome>> {
  const outcomes = new Map<string, FireSessionTimerOutcome>();
  if (timers.length === 0) return outcomes;
  const rows = await tx.$queryRaw<{ sessionId: string; timerId: string; fired: boolean; known: boolean }[]>(Prisma.sql`
    WITH v AS (
      SELECT * FROM unnest(${timers.map((timer) => timer.sessionId)}::text[], ${timers.map((timer) => timer.timerId)}::text[]) AS v("sessionId", "timerId")
    ), fired AS (
      UPDATE "SessionTimer" AS t SET "status" = 'fired', "settledAt" = ${new Date()}
      FROM v WHERE t."sessionId" = v."sessionId" AND t."timerId" = v."timerId" AND t."status" = 'pending'
      RETURNING t."sessionId", t."timerId"
    )
    SELECT v."sessionId", v."timerId",
      EXISTS (SELECT 1 FROM fired f WHERE f."sessionId" = v."sessionId" AND f."timerId" = v."timerId") AS "fired",
      EXISTS (SELECT 1 FROM "SessionTimer" t WHERE t."sessionId" = v."sessionId" AND t."timerId" = v."timerId") AS "known"
    FROM v`);
  for (const row of rows) outcomes.set(sessionTimerKey(row.sessionId, row.timerId), row.fired ? 'fired' : row.known ? 'settled' : 'unknown');
  return outcomes;
}
