import { z } from 'zod';

/** A quick-reply button; tapping it sends `label` back as the user's message. */
export const outboundButtonSchema = z.object({ label: z.string().min(1) });
export type OutboundButton = z.infer<typeof outboundButtonSchema>;

/**
 * One bot reply, channel-neutral. Each adapter's `render` turns it into that
 * channel's HTTP request and enforces the channel's own limits.
 * `idempotencyKey` is stable across delivery retries of the same reply, so
 * receivers can drop duplicates.
 */
export const outboundMessageSchema = z.object({
  channelId: z.string().min(1),
  to: z.string().min(1),
  text: z.string(),
  buttons: z.array(outboundButtonSchema).optional(),
  /** Ask the channel to preview the first link in `text` (WhatsApp, Telegram); off when absent. */
  linkPreview: z.boolean().optional(),
  idempotencyKey: z.string().min(1),
  sessionId: z.string(),
});
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
