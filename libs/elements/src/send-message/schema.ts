import { z } from 'zod';
import { elementBaseSchema } from '../element-base-schema';
import { quickReplySchema } from '../element-effect-schema';
import { messageTextSchema } from '../message-text-schema';

/** Send message: sends one text (or one of its variations) with optional quick replies. */
export const sendMessageSchema = elementBaseSchema
  .extend({
    type: z.literal('send-message'),
    text: messageTextSchema,
    variations: z
      .array(messageTextSchema)
      .max(10)
      .optional()
      .meta({ description: 'Alternative texts; one of text and its variations is picked at random.' }),
    buttons: z
      .array(quickReplySchema)
      .max(10)
      .optional()
      .meta({ description: 'Up to 10 quick replies. Labels are sent as written (no placeholders).' }),
  })
  .meta({ title: 'Send message' });
export type SendMessage = z.infer<typeof sendMessageSchema>;
