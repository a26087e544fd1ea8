import type { Tx } from './create-db';

/**
 * Marks inbound messages processed (status 'processed', processedAt now) and
 * links them to the session that handled them (null: none did). Messages
 * already processed are left as they are. Returns how many changed.
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages).
 */
export async function markInboundProcessed(tx: Tx, messageIds: readonly string[], sessionId: string | null): Promise<number> {
  if (messageIds.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "Message"
    SET "status" = 'processed', "processedAt" = ${new Date()}, "sessionId" = ${sessionId}
    WHERE "id" = ANY(${[...messageIds]}::text[]) AND "direction" = 'inbound' AND "status" = 'received'`;
}
