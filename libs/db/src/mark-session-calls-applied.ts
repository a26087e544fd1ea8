import type { Tx } from './create-db';
import { markSessionCallsAppliedStatement } from './session-call-statements';

/**
 * The calls' results were fed to their session (or the session no longer needs them):
 * in the turn's transaction. The request and the result are cleared (they may hold
 * credentials and personal data, and nobody reads them again); the row stays, as
 * history, until pruneAppliedSessionCalls.
 */
export async function markSessionCallsApplied(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`${markSessionCallsAppliedStatement(ids)}`;
}
