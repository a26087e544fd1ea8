import type { Tx } from './create-db';

/**
 * Deletes up to `limit` timers that fired or were cancelled and were due before
 * `dueBefore` (they are history nobody reads). Returns how many were deleted.
 */
export async function pruneSettledTimers(db: Tx, dueBefore: Date, limit: number): Promise<number> {
  const rows = await db.sessionTimer.findMany({
    where: { status: { in: ['fired', 'cancelled'] }, dueAt: { lt: dueBefore } },
    select: { id: true },
    take: limit,
  });
  if (rows.length === 0) return 0;
  const { count } = await db.sessionTimer.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
  return count;
}
