import type { Tx } from './create-db';
import { toSessionCall, type SessionCall } from './to-session-call';

/** One stored call by id, or null (its session was deleted, and the call with it). */
export async function getSessionCall(db: Tx, id: string): Promise<SessionCall | null> {
  const row = await db.sessionCall.findUnique({ where: { id } });
  return row ? toSessionCall(row) : null;
}
