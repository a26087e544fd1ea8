import type { Tx } from './create-db';
import type { Message as MessageRow } from './generated/client';
import { toMessage, type Message } from './to-message';

/**
 * The contact's inbound messages not yet processed, oldest first (seq order).
 * Call it under withContactLock so the list cannot change underneath you.
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages).
 */
export async function listUnprocessedInbound(tx: Tx, channelId: string, contact: string): Promise<Message[]> {
  const rows = await tx.$queryRaw<MessageRow[]>`
    SELECT * FROM "Message"
    WHERE "channelId" = ${channelId} AND "contact" = ${contact} AND "direction" = 'inbound' AND "status" = 'received'
    ORDER BY "seq" ASC`;
  return rows.map(toMessage);
}
