import type { Tx } from './create-db';
import { sessionActiveKey } from './session-active-key';
import { toSession, type Session } from './to-session';

/** The contact's active session on this channel, or null. */
export async function findActiveSession(tx: Tx, channelId: string, contact: string): Promise<Session | null> {
  const row = await tx.session.findUnique({ where: { activeKey: sessionActiveKey(channelId, contact) } });
  return row ? toSession(row) : null;
}
