import { z } from 'zod';

/** A quick-reply button: the label is sent back as the user's message when tapped. */
export const quickReplySchema = z.strictObject({
  label: z.string().min(1).max(20).meta({ description: 'Button text, 1–20 characters.' }),
});
export type QuickReply = z.infer<typeof quickReplySchema>;

/** Send one message to the end user. `text` is final (placeholders already filled). */
export const sendEffectSchema = z.object({
  type: z.literal('send'),
  text: z.string(),
  buttons: z.array(quickReplySchema).optional(),
});
export type SendEffect = z.infer<typeof sendEffectSchema>;

/**
 * Side effects an element asks for. The engine turns each into a Command by adding
 * `key: "${turn}:${index}"`, the idempotency/correlation key, so elements never mint ids.
 * Later: http.request, code.run, handoff, tags, profile ... (each one variant here).
 */
export const elementEffectSchema = z.discriminatedUnion('type', [sendEffectSchema]);
export type ElementEffect = z.infer<typeof elementEffectSchema>;
