import type { Tx } from './create-db';
import type { Message as MessageRow } from './generated/client';
import { toMessage, type Message } from './to-message';

/**
 * Records that the channel accepted an outbound message: status 'sent',
 * sentAt now, error and delivery lease cleared. Idempotent: an already-sent message keeps its
 * first sentAt. Returns the row, or null if there is no such outbound message.
 * Raw SQL on purpose: a reply delivery's hot path (see insertInboundMessages). An
 * already-sent message costs a second statement (read in the same statement, a
 * concurrent update committed meanwhile would be invisible).
 */
export async function markOutboundSent(db: Tx, id: string): Promise<Message | null> {
  const [row] = await db.$queryRaw<MessageRow[]>`
    UPDATE "Message"
    SET "status" = 'sent', "sentAt" = ${new Date()}, "error" = NULL, "deliveryToken" = NULL, "deliveryLockedUntil" = NULL
    WHERE "id" = ${id} AND "direction" = 'outbound' AND "status" <> 'sent'
    RETURNING *`;
  if (row) return toMessage(row);
  const [current] = await db.$queryRaw<MessageRow[]>`SELECT * FROM "Message" WHERE "id" = ${id} AND "direction" = 'outbound'`;
  return current ? toMessage(current) : null;
}
