import type { SessionStatus } from './column-schemas';
import type { Tx } from './create-db';
import { sessionStatusSchema } from './column-schemas';

/** A session's status and expiry time (see Session.expiresAt), or null if there is no such session. */
export async function getSessionExpiry(db: Tx, id: string): Promise<{ status: SessionStatus; expiresAt: Date | null } | null> {
  const row = await db.session.findUnique({ where: { id }, select: { status: true, expiresAt: true } });
  return row ? { status: sessionStatusSchema.parse(row.status), expiresAt: row.expiresAt } : null;
}
