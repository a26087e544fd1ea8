import type { Tx } from './create-db';
import { toMessage, type Message } from './to-message';

/**
 * The contact's inbound messages not yet processed, oldest first (seq order).
 * Call it under withContactLock so the list cannot change underneath you.
 */
export async function listUnprocessedInbound(tx: Tx, channelId: string, contact: string): Promise<Message[]> {
  const rows = await tx.message.findMany({
    where: { channelId, contact, direction: 'inbound', status: 'received' },
    orderBy: { seq: 'asc' },
  });
  return rows.map(toMessage);
}
