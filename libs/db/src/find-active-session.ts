import type { Tx } from './create-db';
import type { SqlClient } from './sql-client';
import type { Session as SessionRow } from './generated/client';
import type { ContactRef } from './lock-contacts';
import { sessionActiveKey } from './session-active-key';
import { toSession, type Session } from './to-session';

/** The contact's active session on this channel, or null. */
export async function findActiveSession(tx: Tx, channelId: string, contact: string): Promise<Session | null> {
  const [session] = await findActiveSessions(tx, [{ channelId, contact }]);
  return session ?? null;
}

/**
 * The active sessions of many contacts, in one statement (contacts without one
 * are simply absent; match them on channelId and contact).
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages).
 */
export async function findActiveSessions(tx: SqlClient, contacts: readonly ContactRef[]): Promise<Session[]> {
  if (contacts.length === 0) return [];
  const keys = contacts.map((ref) => sessionActiveKey(ref.channelId, ref.contact));
  const rows = await tx.$queryRaw<SessionRow[]>`
    SELECT * FROM "Session" WHERE "activeKey" = ANY(${keys}::text[])`;
  return rows.map(toSession);
}
