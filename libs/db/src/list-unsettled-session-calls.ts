import type { Tx } from './create-db';
import { toSessionCall, type SessionCall } from './to-session-call';

/**
 * Calls still to run ('pending') or whose result still waits to be applied ('done'),
 * created before `createdBefore`, oldest first: for the reconciler, which re-creates
 * their jobs when Redis lost them.
 */
export async function listUnsettledSessionCalls(db: Tx, input: { createdBefore: Date; limit: number }): Promise<SessionCall[]> {
  const rows = await db.sessionCall.findMany({
    where: { status: { in: ['pending', 'done'] }, createdAt: { lt: input.createdBefore } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: input.limit,
  });
  return rows.map(toSessionCall);
}
