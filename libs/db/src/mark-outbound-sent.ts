import type { SqlClient } from './sql-client';
import type { Message as MessageRow } from './generated/client';
import { toMessage, type Message } from './to-message';

export type MarkOutboundSentOptions = {
  /**
   * The channel's id for the sent message, when its send call returned one
   * (WhatsApp: the wamid; Telegram: the message_id). Stored as
   * `providerMessageId`, which delivery status callbacks are matched on.
   */
  providerMessageId?: string | null;
};

/**
 * Records that the channel accepted an outbound message: status 'sent',
 * sentAt now, the provider's message id (null when none is given), error and
 * delivery lease cleared. Idempotent: an already-sent message keeps its first
 * sentAt and provider message id (a repeated send after a lost lease leaves the
 * first one linked). Returns the row, or null if there is no such outbound message.
 * Raw SQL on purpose: a reply delivery's hot path (see insertInboundMessages). An
 * already-sent message costs a second statement (read in the same statement, a
 * concurrent update committed meanwhile would be invisible).
 */
export async function markOutboundSent(db: SqlClient, id: string, options: MarkOutboundSentOptions = {}): Promise<Message | null> {
  const providerMessageId = options.providerMessageId ?? null;
  const [row] = await db.$queryRaw<MessageRow[]>`
    UPDATE "Message"
    SET "status" = 'sent', "sentAt" = ${new Date()}, "providerMessageId" = ${providerMessageId},
      "error" = NULL, "deliveryToken" = NULL, "deliveryLockedUntil" = NULL
    WHERE "id" = ${id} AND "direction" = 'outbound' AND "status" <> 'sent'
    RETURNING *`;
  if (row) return toMessage(row);
  const [current] = await db.$queryRaw<MessageRow[]>`SELECT * FROM "Message" WHERE "id" = ${id} AND "direction" = 'outbound'`;
  return current ? toMessage(current) : null;
}

/**
 * markOutboundSent for many messages in one statement (deliveries finishing at
 * the same time), each with its provider message id; same rules (an
 * already-sent message keeps its first sentAt and provider id).
 */
export async function markOutboundSentMany(db: SqlClient, sent: readonly { id: string; providerMessageId: string | null }[]): Promise<void> {
  if (sent.length === 0) return;
  await db.$executeRaw`
    UPDATE "Message" AS m
    SET "status" = 'sent', "sentAt" = ${new Date()}, "providerMessageId" = v."providerMessageId",
      "error" = NULL, "deliveryToken" = NULL, "deliveryLockedUntil" = NULL
    FROM unnest(${sent.map((each) => each.id)}::text[], ${sent.map((each) => each.providerMessageId)}::text[]) AS v("id", "providerMessageId")
    WHERE m."id" = v."id" AND m."direction" = 'outbound' AND m."status" <> 'sent'`;
}
