import type { Tx } from './create-db';
import { toJsonInput } from './to-json-input';

/**
 * Stores a call's result, once: of several runs of the same call (a re-run after a
 * worker died, a job the reconciler re-created) only the first to finish stores its
 * result and gets true; later ones get false and their result is dropped, so the
 * session sees exactly one outcome. Runs on its own (no transaction needed).
 */
export async function completeSessionCall(db: Tx, id: string, result: unknown): Promise<boolean> {
  const { count } = await db.sessionCall.updateMany({
    where: { id, status: 'pending' },
    data: { status: 'done', result: toJsonInput(result), completedAt: new Date() },
  });
  return count > 0;
}
