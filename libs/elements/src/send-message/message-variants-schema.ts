import { z } from 'zod';
import { messageTextSchema } from '../message-text-schema';

/**
 * A message an element sends, with optional variations: each send picks one of
 * [text, ...variations] at random (renderMessageVariants). Placeholders are allowed in
 * every text. Used by Save user response (message, repeat message) and User response
 * (repeat message); Send message keeps the same two fields at its top level.
 */
export const messageVariantsSchema = z.strictObject({
  text: messageTextSchema.meta({ title: 'Message' }),
  variations: z
    .array(messageTextSchema)
    .max(10)
    .optional()
    .meta({
      description: 'Up to 10 alternative texts; each send picks one of text and its variations at random.',
      title: 'Message variations',
      itemTitle: 'Variation',
    }),
});
export type MessageVariants = z.infer<typeof messageVariantsSchema>;
