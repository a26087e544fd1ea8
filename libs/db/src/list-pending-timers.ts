import type { Tx } from './create-db';
import { toSessionTimer, type SessionTimer } from './to-session-timer';

export type ListPendingTimersInput = {
  /** Only timers due strictly before this time (e.g. overdue ones); all when absent. */
  dueBefore?: Date;
  /** Only timers due at or after this time. */
  dueFrom?: Date;
  /** Keyset cursor: the last timer of the previous page. */
  after?: { dueAt: Date; id: string };
  limit: number;
};

/**
 * Pending timers, earliest due first (ties by id), one page at a time. Lets the
 * worker re-schedule timers whose queue jobs Redis lost.
 */
export async function listPendingTimers(db: Tx, input: ListPendingTimersInput): Promise<SessionTimer[]> {
  const { after, dueBefore, dueFrom } = input;
  const rows = await db.sessionTimer.findMany({
    where: {
      status: 'pending',
      ...(dueBefore || dueFrom ? { dueAt: { ...(dueBefore ? { lt: dueBefore } : {}), ...(dueFrom ? { gte: dueFrom } : {}) } } : {}),
      ...(after ? { OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: input.limit,
  });
  return rows.map(toSessionTimer);
}
