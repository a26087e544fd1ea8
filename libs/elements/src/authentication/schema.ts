import { z } from 'zod';
import { contentTypeSchema } from '../api/content-type-schema';
import { headerListSchema } from '../api/header-list-schema';
import { requestBodySchema } from '../api/request-body-schema';
import { responsePathSchema } from '../api/response-mapping-schema';
import { urlTemplateSchema } from '../api/url-template-schema';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { elementBaseSchema } from '../element-base-schema';
import { fallbackSchema } from '../fallback/fallback-schema';

/**
 * Authentication: calls an authentication endpoint and saves the token (or the whole
 * result) to `saveAs`, then continues through 'next'. A failure (no response, or a
 * status outside 2xx, or no value at `tokenPath`) takes the fallback. The request is
 * built like the API element's (same content types and body rules); the body is for
 * POST only. Fixed transport: 10 s timeout, no retries.
 */
export const authenticationSchema = elementBaseSchema
  .extend({
    type: z.literal('authentication'),
    url: urlTemplateSchema.meta({ description: 'URL of the authentication endpoint (http:// or https://). Placeholders allowed.' }),
    method: z.enum(['GET', 'POST']).default('POST').meta({ description: 'HTTP method: GET or POST.', title: 'Method' }),
    contentType: contentTypeSchema.default('none'),
    headers: headerListSchema.default([]),
    body: requestBodySchema.optional().meta({ description: 'Request body (POST only).', visibleWhen: { field: 'method', oneOf: ['POST'] } }),
    saveAs: attributeNameSchema.meta({
      description: 'Declared attribute that receives the authentication token or result.',
      title: 'Authentication attribute',
      editor: 'attribute',
      attributeAccess: 'write',
    }),
    tokenPath: responsePathSchema
      .optional()
      .meta({ description: 'Dotted path of the token in the response body, e.g. access_token; omitted: the whole body is saved.', title: 'Token path' }),
    fallback: fallbackSchema
      .optional()
      .meta({ description: "What to do when authentication fails; the bot's default fallback when omitted." }),
  })
  .meta({ title: 'Authentication' });
export type Authentication = z.infer<typeof authenticationSchema>;
