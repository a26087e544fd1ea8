import type { Tx } from './create-db';

/**
 * - fired: the timer was pending and is now 'fired' (this caller feeds it to the session);
 * - settled: it already fired or was cancelled (a repeated or stale job: do nothing);
 * - unknown: no such row (a timer armed before timers were stored: let the engine judge it).
 */
export type FireSessionTimerOutcome = 'fired' | 'settled' | 'unknown';

/**
 * Marks a due timer 'fired', once: of two jobs for the same timer (BullMQ is
 * at-least-once, and the reconciler may re-create a job), only the first in
 * commit order gets 'fired'. Call it in the transaction that runs the timer's
 * turn, so a rolled-back turn leaves the timer pending.
 */
export async function fireSessionTimer(tx: Tx, sessionId: string, timerId: string): Promise<FireSessionTimerOutcome> {
  const { count } = await tx.sessionTimer.updateMany({
    where: { sessionId, timerId, status: 'pending' },
    data: { status: 'fired', settledAt: new Date() },
  });
  if (count > 0) return 'fired';
  const existing = await tx.sessionTimer.findUnique({ where: { sessionId_timerId: { sessionId, timerId } }, select: { id: true } });
  return existing ? 'settled' : 'unknown';
}
