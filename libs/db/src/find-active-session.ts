import type { Tx } from './create-db';
import type { Session as SessionRow } from './generated/client';
import { sessionActiveKey } from './session-active-key';
import { toSession, type Session } from './to-session';

/**
 * The contact's active session on this channel, or null.
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages).
 */
export async function findActiveSession(tx: Tx, channelId: string, contact: string): Promise<Session | null> {
  const [row] = await tx.$queryRaw<SessionRow[]>`
    SELECT * FROM "Session" WHERE "activeKey" = ${sessionActiveKey(channelId, contact)}`;
  return row ? toSession(row) : null;
}
