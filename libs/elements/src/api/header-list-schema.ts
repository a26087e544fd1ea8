import { z } from 'zod';

/** An HTTP header name (an RFC 9110 token), as written; matched case-insensitively. */
export const headerNameSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'Use a header name: letters, digits and !#$%&\'*+.^_`|~- only')
  .meta({ description: 'Header name, e.g. Accept-Language (not case sensitive).', title: 'Key' });

/** One request header: a fixed name and a value that may hold placeholders. */
export const headerSchema = z.strictObject({
  key: headerNameSchema,
  value: z
    .string()
    .max(4096)
    .meta({ description: 'Header value, at most 4096 characters. Placeholders: {{attribute}}.', title: 'Value' }),
});
export type Header = z.infer<typeof headerSchema>;

/**
 * Request headers in order. Names must be unique case-insensitively (spec: no two
 * key-value pairs with the same key); validate reports a repeat as 'duplicate-key'.
 */
export const headerListSchema = z
  .array(headerSchema)
  .max(50)
  .meta({
    description: 'Request headers (at most 50), each name once (not case sensitive).',
    title: 'Headers',
    editor: 'key-value',
    itemTitle: 'Header',
    caseInsensitiveKeys: true,
  });
