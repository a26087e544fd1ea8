import type { Tx } from './create-db';
import type { SessionCall as SessionCallRow } from './generated/client';
import { toSessionCall, type SessionCall } from './to-session-call';

/**
 * One stored call by id, or null (its session was deleted, and the call with it).
 * `forUpdate`: the row stays locked until the caller's transaction ends (a second
 * caller doing the same waits, then reads what the first stored).
 */
export async function getSessionCall(db: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<SessionCall | null> {
  if (options.forUpdate) {
    const [row] = await db.$queryRaw<SessionCallRow[]>`SELECT * FROM "SessionCall" WHERE "id" = ${id} FOR UPDATE`;
    return row ? toSessionCall(row) : null;
  }
  const row = await db.sessionCall.findUnique({ where: { id } });
  return row ? toSessionCall(row) : null;
}
