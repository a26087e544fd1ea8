import { apiSchema, attributeValuesSchema } from '@parley/elements';
import { z } from 'zod';
import { apiRequestFieldsSchema } from './api-request-fields-schema';

/** Longest command importCurl reads (a body may be up to 64 KiB, plus headers). */
export const maxCurlCommandLength = 200_000;

export const importCurlInputSchema = z.object({
  command: z
    .string()
    .min(1, 'Paste a curl command')
    .max(maxCurlCommandLength, `A curl command has at most ${maxCurlCommandLength} characters`),
});

/** importCurl's answer: the Request-tab fields to put into the element, and what did not carry over. */
export const curlImportSchema = z.object({
  request: apiRequestFieldsSchema,
  warnings: z.array(z.string()),
});

export const previewApiInputSchema = z.object({
  /** The API element as configured in the editor (validated with the element's schema). */
  element: apiSchema,
  /** Sample values for the attributes the request uses (inbound attributes are ignored). */
  sampleAttributes: attributeValuesSchema.default({}),
});

/** Largest response body a preview returns, in UTF-8 bytes (64 KiB). */
export const maxPreviewBodyBytes = 64 * 1024;

/**
 * What a preview shows:
 * - request: what was sent (method and URL after placeholders);
 * - status, headers (lower-case names), body (cut to 64 KiB; bodyBytes is its full size);
 * - durationMs: wall time of the call, all attempts and backoff included; attempts: 1–4;
 * - outcome and resolvedAttributes: the port the element would leave through and the
 *   attributes its Response tab would write (2xx: the mappings; other statuses: only
 *   the status code), as the element computes them, before the flow's declared types
 *   coerce them.
 */
export const apiPreviewSchema = z.object({
  request: z.object({ method: z.string(), url: z.string() }),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  bodyTruncated: z.boolean(),
  bodyBytes: z.number().int().min(0),
  durationMs: z.number().int().min(0),
  attempts: z.number().int().min(1),
  outcome: z.enum(['next', 'fallback']),
  resolvedAttributes: attributeValuesSchema,
});
export type ApiPreview = z.infer<typeof apiPreviewSchema>;
