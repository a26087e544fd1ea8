import { z } from 'zod';

/** One key-value pair of a body; both sides may hold placeholders. */
export const bodyPairSchema = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(256)
    .meta({ description: 'Key, 1–256 characters. Placeholders allowed; keys must be unique.', title: 'Key' }),
  value: z
    .string()
    .max(4096)
    .meta({
      description:
        'Value, at most 4096 characters. Placeholders allowed; in a JSON body a value that is exactly one placeholder keeps the attribute\'s type (number, list, json ...).',
      title: 'Value',
    }),
});
export type BodyPair = z.infer<typeof bodyPairSchema>;

/** Longest editor body, in characters. */
export const maxBodyTextLength = 65_536;

/**
 * The request body as configured:
 * - key-value: pairs with unique keys (json, url-encoded, form-data);
 * - editor: text with placeholders (raw, json, text, xml).
 * Which mode fits which content type and method is checked by validate.
 */
export const requestBodySchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('key-value'),
        pairs: z
          .array(bodyPairSchema)
          .min(1)
          .max(100)
          .meta({ description: 'Body key-value pairs (1–100), keys unique.', title: 'Key-value pairs', editor: 'key-value', itemTitle: 'Pair' }),
      })
      .meta({ title: 'Key-value pairs' }),
    z
      .strictObject({
        type: z.literal('editor'),
        text: z
          .string()
          .min(1)
          .max(maxBodyTextLength)
          .meta({ description: `Body text (1–${maxBodyTextLength} characters). Placeholders allowed.`, title: 'Body text', editor: 'textarea' }),
      })
      .meta({ title: 'Editor' }),
  ])
  .meta({ description: 'Request body: key-value pairs or editor text, depending on the content type.', title: 'Body' });
export type RequestBody = z.infer<typeof requestBodySchema>;
