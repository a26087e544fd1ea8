import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Tx } from './create-db';
import { toJsonInput } from './to-json-input';

/** Delivery statuses a channel reports for a message Parley sent (WhatsApp's status callbacks). */
export const deliveryStatusSchema = z.enum(['sent', 'delivered', 'read', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** The analytics event type delivery statuses are stored under. */
export const deliveryStatusEventType = 'message.status';

export type RecordDeliveryStatusInput = {
  channelId: string;
  /** The channel's id for the sent message (WhatsApp: the wamid returned by the send call). */
  channelMessageId: string;
  status: DeliveryStatus;
  /** When the channel says it happened. */
  at: Date;
  /** Why it failed, as the channel reported it (JSON-serializable). */
  error?: unknown;
  /** The recipient's address on the channel, when reported. */
  recipient?: string;
};

/**
 * Records one delivery status callback:
 *
 * - as an AnalyticsEvent of type 'message.status' with payload `{ channelId,
 *   channelMessageId, status, at, recipient?, error?, messageId? }`, in the
 *   channel's workspace and bot (`messageId`: the outbound Message it belongs to,
 *   when one is found);
 * - on that outbound Message, found by (channelId, providerMessageId =
 *   channelMessageId): `deliveryStatus` and `deliveryStatusAt` (= `at`) move
 *   only forward in the order sent < delivered < failed < read. Callbacks arrive
 *   out of order, so a 'read' is never taken back by a late 'delivered'; 'failed'
 *   wins over sent and delivered but not over read; a repeat of the current
 *   status changes nothing.
 *
 * A callback that arrives before the reply is marked sent (a race: the send call
 * returned but markOutboundSent has not committed yet) finds no Message and links
 * nothing: the event still records it, without `messageId`; only the callbacks
 * that come after the mark reach the row.
 *
 * Idempotent: the event id is derived from (channel, message id, status), so a
 * callback the channel redelivers — even concurrently — is stored once
 * (`duplicate: true`). Returns the event id, whether it was a duplicate and the
 * linked Message's id (null when none matched), or null when the channel does not exist.
 */
export async function recordDeliveryStatus(
  db: Tx,
  input: RecordDeliveryStatusInput,
): Promise<{ id: string; duplicate: boolean; messageId: string | null } | null> {
  const channel = await db.channel.findUnique({ where: { id: input.channelId }, select: { workspaceId: true, botId: true } });
  if (!channel) return null;
  const status = deliveryStatusSchema.parse(input.status);
  const messageId = await applyDeliveryStatus(db, input.channelId, input.channelMessageId, status, input.at);
  const id = deliveryStatusEventId(input.channelId, input.channelMessageId, status);
  const payload = {
    channelId: input.channelId,
    channelMessageId: input.channelMessageId,
    status,
    at: input.at.toISOString(),
    ...(input.recipient === undefined ? {} : { recipient: input.recipient }),
    ...(input.error === undefined || input.error === null ? {} : { error: input.error }),
    ...(messageId === null ? {} : { messageId }),
  };
  const { count } = await db.analyticsEvent.createMany({
    data: [{ id, workspaceId: channel.workspaceId, botId: channel.botId, type: deliveryStatusEventType, payload: toJsonInput(payload) }],
    skipDuplicates: true,
  });
  return { id, duplicate: count === 0, messageId };
}

/** The order a message's delivery status only moves forward in (see recordDeliveryStatus). */
const deliveryStatusRank: Record<DeliveryStatus, number> = { sent: 1, delivered: 2, failed: 3, read: 4 };

/**
 * Moves the outbound message's deliveryStatus forward to `status` (see
 * recordDeliveryStatus) and returns the message's id, or null when no outbound
 * message of the channel has that provider id. One statement: the rank check
 * sits in the UPDATE's WHERE, so Postgres re-checks it against a concurrent
 * callback's committed update instead of overwriting it; a row the check leaves
 * alone is still found by the SELECT half.
 */
async function applyDeliveryStatus(db: Tx, channelId: string, providerMessageId: string, status: DeliveryStatus, at: Date): Promise<string | null> {
  const rank = deliveryStatusRank[status];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH "updated" AS (
      UPDATE "Message"
      SET "deliveryStatus" = ${status}, "deliveryStatusAt" = ${at}
      WHERE "channelId" = ${channelId} AND "direction" = 'outbound' AND "providerMessageId" = ${providerMessageId}
        AND (CASE "deliveryStatus" WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'failed' THEN 3 WHEN 'read' THEN 4 ELSE 0 END) < ${rank}::int
      RETURNING "id"
    )
    SELECT "id" FROM "updated"
    UNION ALL
    SELECT "id" FROM "Message"
    WHERE "channelId" = ${channelId} AND "direction" = 'outbound' AND "providerMessageId" = ${providerMessageId}
      AND NOT EXISTS (SELECT 1 FROM "updated")
    LIMIT 1`;
  return rows[0]?.id ?? null;
}

/** A uuid-shaped id, the same for the same (channel, message, status). */
function deliveryStatusEventId(channelId: string, channelMessageId: string, status: DeliveryStatus): string {
  const hex = createHash('sha256').update(`${deliveryStatusEventType}\u0000${channelId}\u0000${channelMessageId}\u0000${status}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
