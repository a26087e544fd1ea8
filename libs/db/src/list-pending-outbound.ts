import type { Tx } from './create-db';
import { toMessage, type Message } from './to-message';

/** Up to `limit` outbound messages still 'pending', oldest first (seq order). */
export async function listPendingOutbound(db: Tx, limit: number): Promise<Message[]> {
  const rows = await db.message.findMany({
    where: { direction: 'outbound', status: 'pending' },
    orderBy: { seq: 'asc' },
    take: limit,
  });
  return rows.map(toMessage);
}
