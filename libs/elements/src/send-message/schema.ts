import { z } from 'zod';
import { elementBaseSchema } from '../element-base-schema';
import { quickReplySchema } from '../element-effect-schema';
import { messageTextSchema } from '../message-text-schema';

/** Max quick replies on one message (spec). */
export const maxQuickReplies = 10;

/**
 * Quick replies: at most 10, labels 1–20 characters, not blank, and distinct ignoring case
 * and outer spaces (a tapped button comes back as its label, so two equal labels could not
 * be told apart).
 */
export const quickRepliesSchema = z
  .array(quickReplySchema)
  .max(maxQuickReplies)
  .superRefine((buttons, context) => {
    const seen = new Map<string, number>();
    buttons.forEach((button, index) => {
      const key = button.label.trim().toLowerCase();
      if (key === '') {
        context.addIssue({ code: 'custom', path: [index, 'label'], message: 'a button label must not be blank' });
        return;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        context.addIssue({ code: 'custom', path: [index, 'label'], message: `the label "${button.label}" is already used by button ${first + 1}` });
      } else {
        seen.set(key, index);
      }
    });
  });

/** Send message: sends one text (or one of its variations) with optional quick replies. */
export const sendMessageSchema = elementBaseSchema
  .extend({
    type: z.literal('send-message'),
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
    buttons: quickRepliesSchema
      .optional()
      .meta({
        description: 'Up to 10 quick replies, labels 1–20 characters, distinct. Labels are sent as written (no placeholders).',
        title: 'Quick replies',
        editor: 'buttons',
        itemTitle: 'Quick reply',
      }),
    linkPreview: z
      .boolean()
      .optional()
      .meta({ description: 'Show a preview of the first link in the text (channels that support it, e.g. WhatsApp). Default false.', title: 'Link preview' }),
  })
  .meta({ title: 'Send message' });
export type SendMessage = z.infer<typeof sendMessageSchema>;
