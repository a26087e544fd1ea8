import type { Tx } from './create-db';

/**
 * Marks inbound messages processed (status 'processed', processedAt now) and
 * links them to the session that handled them (null: none did). Messages
 * already processed are left as they are. Returns how many changed.
 */
export async function markInboundProcessed(tx: Tx, messageIds: readonly string[], sessionId: string | null): Promise<number> {
  if (messageIds.length === 0) return 0;
  const { count } = await tx.message.updateMany({
    where: { id: { in: [...messageIds] }, direction: 'inbound', status: 'received' },
    data: { status: 'processed', processedAt: new Date(), sessionId },
  });
  return count;
}
