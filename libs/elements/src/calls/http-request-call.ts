import { z } from 'zod';

/** HTTP methods an element may send (API: all; Authentication: GET/POST; Webhook: POST/PUT). */
export const httpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']);
export type HttpMethod = z.infer<typeof httpMethodSchema>;

/** One text field of a multipart/form-data body (attribute values are JSON, never binary). */
export const formDataPartSchema = z.object({ name: z.string(), value: z.string() });
export type FormDataPart = z.infer<typeof formDataPartSchema>;

/**
 * The request body, final (placeholders filled, serialized per content type):
 * - text: send `text` as is (UTF-8), with the Content-Type header found in `headers`;
 * - form-data: encode `parts` as multipart/form-data. `headers` then has no Content-Type:
 *   the executor sets `multipart/form-data; boundary=…` itself.
 */
export const httpRequestBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('form-data'), parts: z.array(formDataPartSchema) }),
]);
export type HttpRequestBody = z.infer<typeof httpRequestBodySchema>;

/** Which element asked, for logs, metrics and per-purpose policies in the executor. */
export const httpRequestPurposeSchema = z.enum(['api', 'authentication', 'webhook']);
export type HttpRequestPurpose = z.infer<typeof httpRequestPurposeSchema>;

/**
 * Throughput limits the executor enforces for this request's endpoint (Webhook: 100 and
 * 50 per second): a request over the limit is delayed until it fits, and fails with
 * 'rate-limited' only when it cannot be sent within its timeout.
 */
export const httpRateLimitSchema = z.object({
  /** Requests per second to one endpoint (scheme + host + port + path), all senders. */
  perEndpoint: z.number().int().positive(),
  /** Requests per second to one endpoint from one source IP address. */
  perEndpointPerSource: z.number().int().positive(),
});
export type HttpRateLimit = z.infer<typeof httpRateLimitSchema>;

/**
 * `http.request`: one outbound HTTP exchange, fully resolved by the element (the executor
 * adds nothing but transport: SSRF guard, mTLS, timeout, retries, size cap).
 * - url: absolute http(s) URL, placeholders already filled and escaped as configured;
 * - headers: names as configured, unique case-insensitively; values final (no CR/LF);
 * - body: absent = no body (always absent for GET and HEAD);
 * - timeoutMs: per attempt, 1 000–60 000;
 * - retries: extra attempts after the first (0–3), made only after 408, 500, 502, 503,
 *   504 or a timeout; any other outcome is final;
 * - mtlsCertificateId: present = present the bot owner's client certificate with that id;
 * - rateLimit: present = the throughput limits to enforce for the endpoint.
 *
 * Result contract (call.result): `ok: true` with `httpResponseResultSchema` whenever an
 * HTTP response arrived, WHATEVER its status (4xx/5xx included, after the retries): the
 * element decides what a status means. `ok: false` only when no response arrived after
 * the retries; `error.code` is one of httpRequestErrorCodeSchema.
 */
export const httpRequestCallSchema = z.object({
  name: z.literal('http.request'),
  purpose: httpRequestPurposeSchema,
  method: httpMethodSchema,
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()),
  body: httpRequestBodySchema.optional(),
  timeoutMs: z.number().int().min(1_000).max(60_000),
  retries: z.number().int().min(0).max(3),
  mtlsCertificateId: z.string().min(1).optional(),
  rateLimit: httpRateLimitSchema.optional(),
});
export type HttpRequestCall = z.infer<typeof httpRequestCallSchema>;

/**
 * The `result` of a successful `http.request` call: the final response.
 * - headers: names lower-cased, repeated headers joined with ", ";
 * - body: decoded as UTF-8 ('' for HEAD and empty bodies);
 * - attempts: attempts made, the first included (1–4).
 */
export const httpResponseResultSchema = z.object({
  status: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  attempts: z.number().int().min(1),
});
export type HttpResponseResult = z.infer<typeof httpResponseResultSchema>;

/**
 * `error.code` values of a failed `http.request` (`ok: false`): timeout (the last attempt
 * timed out), network (DNS, connect, TLS, socket), too-large (response over the size cap),
 * blocked (the SSRF guard refused the address), certificate (mTLS certificate unknown or
 * unusable), rate-limited (the throughput limit could not be met within the timeout),
 * invalid-request (refused before sending). The message should say how many attempts
 * were made (the element records only the code).
 */
export const httpRequestErrorCodeSchema = z.enum(['timeout', 'network', 'too-large', 'blocked', 'certificate', 'rate-limited', 'invalid-request']);
export type HttpRequestErrorCode = z.infer<typeof httpRequestErrorCodeSchema>;
