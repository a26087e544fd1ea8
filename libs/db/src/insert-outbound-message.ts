import type { Tx } from './create-db';
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
 */
export async function insertOutboundMessage(
  tx: Tx,
  input: InsertOutboundMessageInput,
): Promise<{ message: Message; created: boolean }> {
  const [inserted] = await tx.message.createManyAndReturn({
    data: [
      {
        workspaceId: input.workspaceId,
        channelId: input.channelId,
        sessionId: input.sessionId,
        direction: 'outbound',
        channelMessageId: input.idempotencyKey,
        contact: input.contact,
        text: input.text,
        payload: toJsonInput(input.payload),
        status: 'pending',
      },
    ],
    skipDuplicates: true,
  });
  if (inserted) return { message: toMessage(inserted), created: true };
  const existing = await tx.message.findUniqueOrThrow({
    where: {
      channelId_direction_channelMessageId: {
        channelId: input.channelId,
        direction: 'outbound',
        channelMessageId: input.idempotencyKey,
      },
    },
  });
  return { message: toMessage(existing), created: false };
}
