import type { Tx } from './create-db';

/** The calls' results were fed to their session (or the session no longer needs them): in the turn's transaction. */
export async function markSessionCallsApplied(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.sessionCall.updateMany({ where: { id: { in: [...ids] }, status: 'done' }, data: { status: 'applied', appliedAt: new Date() } });
}
