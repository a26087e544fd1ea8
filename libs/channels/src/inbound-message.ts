import { z } from 'zod';

/**
 * One end-user message as every channel adapter hands it to the platform,
 * whatever the channel's wire format. `channelMessageId` is the sender's id for
 * the message, unique per channel: the inbox deduplicates on it.
 */
export const inboundMessageSchema = z.object({
  channelMessageId: z.string().min(1).max(200),
  /** The end user's address on this channel (phone number, chat id, ...). */
  contact: z.string().min(1).max(200),
  text: z.string().max(4096),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;
