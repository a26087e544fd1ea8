import { z } from 'zod';
import { headerListSchema } from '../api/header-list-schema';
import { maxBodyTextLength } from '../api/request-body-schema';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { elementBaseSchema } from '../element-base-schema';

/**
 * Webhook: sends the session's data to an external system (JSON body, Content-Type
 * application/json) and continues through 'next' whatever happens; the response code
 * can be saved for a Conditions element. The executor enforces the spec's throughput
 * limits (100 requests/s per endpoint, 50 per endpoint per source IP).
 * Which of `url` / `urlAttribute` is required depends on `urlType` (checked by validate).
 */
export const webhookSchema = elementBaseSchema
  .extend({
    type: z.literal('webhook'),
    urlType: z
      .enum(['static', 'dynamic'])
      .default('static')
      .meta({
        description: 'static: the same URL every time (url); dynamic: the URL held by an attribute at run time (urlAttribute).',
        title: 'Webhook URL type',
        optionLabels: { static: 'Static', dynamic: 'Dynamic' },
      }),
    url: z
      .url({ protocol: /^https?$/, error: 'Enter an absolute http:// or https:// URL' })
      .max(2048)
      .regex(/^[^{}]*$/, 'A static URL has no placeholders; choose the dynamic URL type instead')
      .optional()
      .meta({ description: 'Static webhook URL, http:// or https:// (no placeholders).', title: 'URL', visibleWhen: { field: 'urlType', oneOf: ['static'] } }),
    urlAttribute: attributeNameSchema
      .optional()
      .meta({
        description: 'Dynamic URL: declared url or text attribute that holds the webhook URL.',
        title: 'URL attribute',
        editor: 'attribute',
        attributeTypes: ['url', 'text'],
        visibleWhen: { field: 'urlType', oneOf: ['dynamic'] },
      }),
    sessionIdParameter: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .meta({ description: 'Name of the body parameter that receives the chatbot session id.', title: 'Session ID body parameter name' }),
    method: z.enum(['POST', 'PUT']).default('POST').meta({ description: 'HTTP method: POST or PUT.', title: 'Method' }),
    headers: headerListSchema.default([]),
    body: z
      .string()
      .min(1)
      .max(maxBodyTextLength)
      .optional()
      .meta({
        description: `JSON body (at most ${maxBodyTextLength} characters); placeholders are filled JSON-safely: inside a string as text, elsewhere as a JSON value.`,
        title: 'Body',
        editor: 'textarea',
      }),
    saveStatusCodeAs: attributeNameSchema
      .optional()
      .meta({
        description: 'Declared attribute that receives the response status code (cleared when no response arrives).',
        title: 'Save response code to attribute',
        editor: 'attribute',
        attributeAccess: 'write',
        attributeTypes: ['number'],
      }),
  })
  .meta({ title: 'Webhook' });
export type Webhook = z.infer<typeof webhookSchema>;
