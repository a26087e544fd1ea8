import type { Tx } from './create-db';
import { toSessionCall, type SessionCall } from './to-session-call';

/**
 * A contact's calls whose result is stored but not yet fed to its session, in the
 * order they finished. Read under the contact's lock by the turn that applies them.
 */
export async function listDoneSessionCalls(tx: Tx, channelId: string, contact: string): Promise<SessionCall[]> {
  const rows = await tx.sessionCall.findMany({
    where: { channelId, contact, status: 'done' },
    orderBy: [{ completedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toSessionCall);
}
