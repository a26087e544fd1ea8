import type { Tx } from './create-db';
import { toJsonInput } from './to-json-input';
import { toMessage, type Message } from './to-message';

export type InsertInboundMessageInput = {
  workspaceId: string;
  channelId: string;
  /** The channel's own id for the message: the deduplication key. */
  channelMessageId: string;
  /** The sender's address in the channel. */
  contact: string;
  text: string | null;
  /** The parsed message as the channel delivered it (any JSON-serializable value). */
  payload: unknown;
};

/**
 * Records an inbound message in the inbox with status 'received', exactly
 * once per (channelId, channelMessageId). A repeat — a channel retrying its
 * webhook, even concurrently — writes nothing and returns the stored row with
 * `duplicate: true`. Race-safe: INSERT ... ON CONFLICT DO NOTHING waits for a
 * concurrent insert of the same key, then reads the winner.
 */
export async function insertInboundMessage(
  db: Tx,
  input: InsertInboundMessageInput,
): Promise<{ message: Message; duplicate: boolean }> {
  const [inserted] = await db.message.createManyAndReturn({
    data: [
      {
        workspaceId: input.workspaceId,
        channelId: input.channelId,
        direction: 'inbound',
        channelMessageId: input.channelMessageId,
        contact: input.contact,
        text: input.text,
        payload: toJsonInput(input.payload),
        status: 'received',
      },
    ],
    skipDuplicates: true,
  });
  if (inserted) return { message: toMessage(inserted), duplicate: false };
  const existing = await db.message.findUniqueOrThrow({
    where: {
      channelId_direction_channelMessageId: {
        channelId: input.channelId,
        direction: 'inbound',
        channelMessageId: input.channelMessageId,
      },
    },
  });
  return { message: toMessage(existing), duplicate: true };
}
