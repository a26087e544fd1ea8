import { z } from 'zod';
import { callSchema } from './calls/call-schema';

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
  /** Ask the channel to show a preview of the first link (channels that support it). */
  linkPreview: z.boolean().optional(),
});
export type SendEffect = z.infer<typeof sendEffectSchema>;

/**
 * Ask the runner to make a call (HTTP request, code run, handoff, profile update ...;
 * see calls/call-schema.ts). Fire-and-forget unless the same outcome is a
 * `wait` for `call.result`: then the element is resumed with the call's result.
 */
export const callEffectSchema = z.object({
  type: z.literal('call'),
  call: callSchema,
});
export type CallEffect = z.infer<typeof callEffectSchema>;

/**
 * Side effects an element asks for, in order. The engine turns each into a Command by
 * adding `key: "${turn}:${index}"` (index counts the step's effects from 0), the
 * idempotency/correlation key, so elements never mint ids.
 */
export const elementEffectSchema = z.discriminatedUnion('type', [sendEffectSchema, callEffectSchema]);
export type ElementEffect = z.infer<typeof elementEffectSchema>;
