import type { Tx } from './create-db';

/**
 * Deletes up to `limit` calls whose result was applied before `appliedBefore`
 * (history nobody reads; their request and result were already cleared when
 * applied). Returns how many were deleted.
 */
export async function pruneAppliedSessionCalls(db: Tx, appliedBefore: Date, limit: number): Promise<number> {
  const rows = await db.sessionCall.findMany({
    where: { status: 'applied', appliedAt: { lt: appliedBefore } },
    select: { id: true },
    take: limit,
  });
  if (rows.length === 0) return 0;
  const { count } = await db.sessionCall.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
  return count;
}
