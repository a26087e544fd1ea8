import { z } from 'zod';

export const MIB = 1024 * 1024;

export const httpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);
export type HttpMethod = z.infer<typeof httpMethodSchema>;

/**
 * Retries for 408, 500, 502, 503, 504, timeouts and connection errors. Retry n
 * (1-based) waits a random delay in [d/2, d) with d = min(baseDelayMs·2^(n-1),
 * maxDelayMs): exponential backoff with "equal jitter", never zero, bounded.
 */
export const retryOptionsSchema = z.object({
  /** Retries after the first attempt: 0 (no retry) to 3. */
  retries: z.number().int().min(0).max(3).default(3),
  baseDelayMs: z.number().int().min(0).max(10_000).default(200),
  maxDelayMs: z.number().int().min(0).max(60_000).default(5_000),
});
export type RetryOptions = z.infer<typeof retryOptionsSchema>;

/**
 * One outbound HTTP call: what to send and the limits it runs under. Serializable,
 * so engine commands and queue jobs can carry it. Defaults: 10 s timeout per
 * attempt, 1 MiB response cap, up to 5 redirects, 3 retries.
 */
export const httpRequestSpecSchema = z
  .object({
    method: httpMethodSchema,
    url: z.url({ protocol: /^https?$/, error: 'url: must be an absolute http(s) URL' }),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().optional(),
    /** Whole-attempt budget (connect, headers and body), 1–60 s. */
    timeoutMs: z.number().int().min(1_000).max(60_000).default(10_000),
    /** Largest response body read; a bigger one is aborted, not buffered. */
    maxResponseBytes: z.number().int().min(1).max(64 * MIB).default(MIB),
    /**
     * Redirects (301, 302, 303, 307, 308 with a Location) followed per attempt, each
     * hop to http(s) only and re-checked by the SSRF guard; 0 = return the 3xx as is.
     */
    maxRedirects: z.number().int().min(0).max(5).default(5),
    retry: retryOptionsSchema.prefault({}),
  })
  .refine((spec) => spec.body === undefined || (spec.method !== 'GET' && spec.method !== 'HEAD'), {
    error: 'body: not allowed with GET or HEAD',
    path: ['body'],
  });
/** What callers write (defaults optional). */
export type HttpRequestSpec = z.input<typeof httpRequestSpecSchema>;
/** The spec with every default applied. */
export type ResolvedHttpRequestSpec = z.output<typeof httpRequestSpecSchema>;

export type HttpResponse = {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body decoded as UTF-8. */
  body: string;
  /** Attempts made, first one included. */
  attempts: number;
  /** Wall time of the whole call, backoff waits included. */
  durationMs: number;
};
