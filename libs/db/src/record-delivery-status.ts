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
 * Records one delivery status callback as an AnalyticsEvent of type
 * 'message.status' with payload `{ channelId, channelMessageId, status, at,
 * recipient?, error? }`, in the channel's workspace and bot.
 *
 * Stored as an event because outbound Message rows do not keep the provider's
 * message id yet, so the status cannot be attached to its row; join on
 * `payload.channelMessageId` once they do.
 *
 * Idempotent: the event id is derived from (channel, message id, status), so a
 * callback the channel redelivers — even concurrently — is stored once
 * (`duplicate: true`). Returns null when the channel does not exist.
 */
export async function recordDeliveryStatus(
  db: Tx,
  input: RecordDeliveryStatusInput,
): Promise<{ id: string; duplicate: boolean } | null> {
  const channel = await db.channel.findUnique({ where: { id: input.channelId }, select: { workspaceId: true, botId: true } });
  if (!channel) return null;
  const id = deliveryStatusEventId(input.channelId, input.channelMessageId, input.status);
  const payload = {
    channelId: input.channelId,
    channelMessageId: input.channelMessageId,
    status: deliveryStatusSchema.parse(input.status),
    at: input.at.toISOString(),
    ...(input.recipient === undefined ? {} : { recipient: input.recipient }),
    ...(input.error === undefined || input.error === null ? {} : { error: input.error }),
  };
  const { count } = await db.analyticsEvent.createMany({
    data: [{ id, workspaceId: channel.workspaceId, botId: channel.botId, type: deliveryStatusEventType, payload: toJsonInput(payload) }],
    skipDuplicates: true,
  });
  return { id, duplicate: count === 0 };
}

/** A uuid-shaped id, the same for the same (channel, message, status). */
function deliveryStatusEventId(channelId: string, channelMessageId: string, status: DeliveryStatus): string {
  const hex = createHash('sha256').update(`${deliveryStatusEventType}\u0000${channelId}\u0000${channelMessageId}\u0000${status}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
