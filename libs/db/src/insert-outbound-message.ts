import { randomUUID } from 'node:crypto';
import type { Tx } from './create-db';
import type { Message as MessageRow } from './generated/client';
import { toJsonInput } from './to-json-input';
import { toMessage, type Message } from './to-message';

export type InsertOutboundMessageInput = {
  workspaceId: string;
  channelId: string;
  sessionId: string | null;
  /** The recipient's address in the channel. */
  contact: string;
  /**
   * Unique per channel for one logical reply (e.g. `${sessionId}:${commandKey}`).
   * A retried turn that produces the same key gets the stored row back.
   */
  idempotencyKey: string;
  text: string | null;
  /** What the channel adapter renders (any JSON-serializable value). */
  payload: unknown;
};

/**
 * Queues a reply in the outbox with status 'pending', exactly once per
 * (channelId, idempotencyKey). On a repeat nothing is written and the stored
 * row comes back with `created: false` — whatever its status now (a caller
 * should enqueue delivery only for a created or still-pending row).
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages); id and
 * createdAt are filled here as Prisma Client filled them. A repeat costs a second
 * statement: read in the same statement as the insert, a row a concurrent
 * transaction committed meanwhile would be invisible (statement snapshot).
 */
export async function insertOutboundMessage(
  tx: Tx,
  input: InsertOutboundMessageInput,
): Promise<{ message: Message; created: boolean }> {
  const payload = JSON.stringify(toJsonInput(input.payload));
  const [inserted] = await tx.$queryRaw<MessageRow[]>`
    INSERT INTO "Message" ("id", "workspaceId", "channelId", "sessionId", "direction", "channelMessageId", "contact", "text", "payload", "status", "attempts", "createdAt")
    VALUES (${randomUUID()}, ${input.workspaceId}, ${input.channelId}, ${input.sessionId}, 'outbound', ${input.idempotencyKey}, ${input.contact}, ${input.text}, ${payload}::jsonb, 'pending', 0, ${new Date()})
    ON CONFLICT DO NOTHING
    RETURNING *`;
  if (inserted) return { message: toMessage(inserted), created: true };
  const [existing] = await tx.$queryRaw<MessageRow[]>`
    SELECT * FROM "Message"
    WHERE "channelId" = ${input.channelId} AND "direction" = 'outbound' AND "channelMessageId" = ${input.idempotencyKey}`;
  if (!existing) throw new Error(`Outbound message ${input.idempotencyKey} was neither stored nor found`);
  return { message: toMessage(existing), created: false };
}
