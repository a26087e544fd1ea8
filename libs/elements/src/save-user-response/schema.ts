import { z } from 'zod';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { elementBaseSchema } from '../element-base-schema';
import { fallbackSchema } from '../fallback/fallback-schema';
import { validationRuleSchema } from '../matching/validation-rule-schema';
import { messageVariantsSchema } from '../send-message/message-variants-schema';
import { repeatSchema, replyTimeoutSchema } from '../user-response/schema';

/**
 * Save user response: asks (optionally) and saves the user's reply to `saveAs`, validated
 * (custom validation, then coercion to the attribute's type). An invalid reply re-asks
 * `repeat` times, then the fallback applies; so does the timeout.
 */
export const saveUserResponseSchema = elementBaseSchema
  .extend({
    type: z.literal('save-user-response'),
    skipIfCollected: z
      .boolean()
      .optional()
      .meta({
        description: 'Skip the question (leave through "next" at once) when `saveAs` already has a value. Default false.',
        title: 'Skip question if attribute is already collected',
      }),
    message: messageVariantsSchema
      .optional()
      .meta({
        description:
          'The question, sent when the element runs; placeholders and variations allowed. Leave it out when the previous element already asked.',
        title: 'Message',
      }),
    saveAs: attributeNameSchema.meta({
      description: "Declared attribute that receives the reply, coerced to its type (a reply that does not fit is invalid).",
      title: 'Save answer as',
      editor: 'attribute',
      attributeAccess: 'write',
    }),
    validation: validationRuleSchema
      .optional()
      .meta({
        description:
          'Custom validation: a regular expression (checked for catastrophic backtracking) or a predefined format (email, phone, url; the reply is saved normalized, e.g. phones in E.164).',
        title: 'Custom validation',
      }),
    repeat: repeatSchema.optional(),
    repeatMessage: messageVariantsSchema
      .optional()
      .meta({ description: 'Sent instead of `message` when a reply is invalid and a repeat is left.', title: 'Message when repeating' }),
    fallback: fallbackSchema
      .optional()
      .meta({ description: "What to do when the repeats are exhausted or the timeout passes; the bot's default fallback when absent." }),
    timeoutSeconds: replyTimeoutSchema.optional(),
    linkPreview: z
      .boolean()
      .optional()
      .meta({ description: 'Show a preview of the first link in the message (channels that support it, e.g. WhatsApp). Default false.', title: 'Link preview' }),
  })
  .meta({ title: 'Save user response' });
export type SaveUserResponse = z.infer<typeof saveUserResponseSchema>;
