import type { Tx } from './create-db';
import { toMessage, type Message } from './to-message';

/**
 * Records that the channel accepted an outbound message: status 'sent',
 * sentAt now, error and delivery lease cleared. Idempotent: an already-sent message keeps its
 * first sentAt. Returns the row, or null if there is no such outbound message.
 */
export async function markOutboundSent(db: Tx, id: string): Promise<Message | null> {
  const [row] = await db.message.updateManyAndReturn({
    where: { id, direction: 'outbound', status: { not: 'sent' } },
    data: { status: 'sent', sentAt: new Date(), error: null, deliveryToken: null, deliveryLockedUntil: null },
  });
  if (row) return toMessage(row);
  const current = await db.message.findFirst({ where: { id, direction: 'outbound' } });
  return current ? toMessage(current) : null;
}
