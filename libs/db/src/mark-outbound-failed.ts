import type { Tx } from './create-db';
import { toMessage, type Message } from './to-message';

/**
 * Records that delivery of an outbound message gave up: status 'failed' with
 * the reason. A message already 'sent' is left as it is (a late failure report
 * never overrides a delivery). Returns the row, or null if there is no such
 * outbound message.
 */
export async function markOutboundFailed(db: Tx, id: string, error: string): Promise<Message | null> {
  const [row] = await db.message.updateManyAndReturn({
    where: { id, direction: 'outbound', status: { not: 'sent' } },
    data: { status: 'failed', error, deliveryToken: null, deliveryLockedUntil: null },
  });
  if (row) return toMessage(row);
  const current = await db.message.findFirst({ where: { id, direction: 'outbound' } });
  return current ? toMessage(current) : null;
}
