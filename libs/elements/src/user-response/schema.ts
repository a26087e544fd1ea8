import { z } from 'zod';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { elementBaseSchema } from '../element-base-schema';

/**
 * User response: waits for the user's next message, optionally saving its text.
 * Later (spec): keywords, NLP, repeat message, fallback: additive optional fields.
 */
export const userResponseSchema = elementBaseSchema
  .extend({
    type: z.literal('user-response'),
    saveAs: attributeNameSchema
      .optional()
      .meta({ description: 'Declared attribute that receives the text of the reply.' }),
    timeoutSeconds: z
      .number()
      .int()
      .min(15)
      .max(14400)
      .optional()
      .meta({ description: 'Seconds to wait (15–14400). On timeout the flow leaves through port "timeout".' }),
  })
  .meta({ title: 'User response' });
export type UserResponse = z.infer<typeof userResponseSchema>;
