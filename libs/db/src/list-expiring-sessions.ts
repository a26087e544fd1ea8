import type { Tx } from './create-db';

export type ExpiringSession = { id: string; channelId: string; contact: string; expiresAt: Date };

export type ListExpiringSessionsInput = {
  /** Only sessions expiring strictly before this time (e.g. overdue ones); all when absent. */
  dueBefore?: Date;
  /** Only sessions expiring at or after this time. */
  dueFrom?: Date;
  /** Keyset cursor: the last session of the previous page. */
  after?: { expiresAt: Date; id: string };
  limit: number;
};

/**
 * Active sessions with an expiry time, earliest first (ties by id), one page at
 * a time. Lets the worker re-create expiry wake-up jobs Redis lost.
 */
export async function listExpiringSessions(db: Tx, input: ListExpiringSessionsInput): Promise<ExpiringSession[]> {
  const { after, dueBefore, dueFrom } = input;
  return db.session.findMany({
    where: {
      status: 'active',
      expiresAt: { not: null, ...(dueBefore ? { lt: dueBefore } : {}), ...(dueFrom ? { gte: dueFrom } : {}) },
      ...(after ? { OR: [{ expiresAt: { gt: after.expiresAt } }, { expiresAt: after.expiresAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
    take: input.limit,
    select: { id: true, channelId: true, contact: true, expiresAt: true },
  }).then((rows) => rows.flatMap((row) => (row.expiresAt ? [{ ...row, expiresAt: row.expiresAt }] : [])));
}
