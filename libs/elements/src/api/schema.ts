import { z } from 'zod';
import { httpMethodSchema } from '../calls/http-request-call';
import { elementBaseSchema } from '../element-base-schema';
import { fallbackSchema } from '../fallback/fallback-schema';
import { contentTypeSchema } from './content-type-schema';
import { headerListSchema } from './header-list-schema';
import { requestBodySchema } from './request-body-schema';
import { responseMappingSchema } from './response-mapping-schema';
import { urlTemplateSchema } from './url-template-schema';

/** Retries allowed after the first attempt (spec: "a maximum of 3 times"). */
export const maxApiRetries = 3;

/**
 * API: sends one HTTP request built from the Request tab, saves parts of the response
 * (Response tab) and continues through 'next'; on failure it takes its fallback.
 * Cross-field rules (body vs method and content type, unique keys, no inbound
 * attributes in the request) are checked by validate.
 */
export const apiSchema = elementBaseSchema
  .extend({
    type: z.literal('api'),
    method: httpMethodSchema.default('GET').meta({ description: 'HTTP method: GET, POST, PUT, DELETE, PATCH or HEAD.', title: 'Method' }),
    url: urlTemplateSchema,
    escapeUrlParameters: z
      .boolean()
      .default(false)
      .meta({
        description: 'Percent-encode the values filled into URL placeholders (spaces, non-ASCII and reserved characters).',
        title: 'Enable escaping of URL parameters',
      }),
    mtlsCertificateId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'Include this mTLS client certificate (set up for the account) in the request.', title: 'mTLS certificate', editor: 'certificate' }),
    contentType: contentTypeSchema.default('none'),
    headers: headerListSchema.default([]),
    body: requestBodySchema.optional(),
    response: responseMappingSchema.prefault({}),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(10)
      .meta({ description: 'Seconds to wait for the response, per attempt: 1–60, default 10.', title: 'Timeout (seconds)' }),
    retries: z
      .number()
      .int()
      .min(0)
      .max(maxApiRetries)
      .default(0)
      .meta({
        description: 'Retry on 408, 500, 502, 503, 504 or timeout: 0 (no retry) to 3 times.',
        title: 'How many times to retry',
        optionLabels: { '0': 'No retry', '1': '1 time', '2': '2 times', '3': '3 times' },
      }),
    fallback: fallbackSchema
      .optional()
      .meta({ description: "What to do when the request fails; the bot's default fallback when omitted." }),
  })
  .meta({ title: 'API' });
export type Api = z.infer<typeof apiSchema>;
