import type { HttpResponse } from './http-request-spec';

/**
 * - `timeout`: an attempt exceeded `timeoutMs` (retried).
 * - `network`: DNS, connect, TLS or socket failure (retried).
 * - `too-large`: the response body exceeded `maxResponseBytes` (not retried).
 * - `status`: the final response had status ≥ 400; `status` and `response` carry it.
 * - `blocked`: the SSRF guard refused a destination (the URL's or a redirect's);
 *   the message names the host and the address class, never a resolved address (not retried).
 * - `certificate`: the TLS material given (CA, client certificate or key) is unusable (no attempt made).
 * - `too-many-redirects`: more redirects than `maxRedirects` (not retried).
 * - `invalid-request`: the spec failed validation or the client refused it (no attempt made).
 */
export type HttpErrorKind =
  | 'timeout'
  | 'network'
  | 'too-large'
  | 'status'
  | 'blocked'
  | 'certificate'
  | 'too-many-redirects'
  | 'invalid-request';

/** Every failure of `httpRequest`, after its retries. */
export class HttpRequestError extends Error {
  override readonly name = 'HttpRequestError';
  readonly kind: HttpErrorKind;
  /** Attempts made (0 for `invalid-request` and `certificate`). */
  readonly attempts: number;
  /** The final status, for `status` errors. */
  readonly status: number | undefined;
  /** The final response, for `status` errors: callers may still read its code, headers and body. */
  readonly response: HttpResponse | undefined;

  constructor(
    kind: HttpErrorKind,
    message: string,
    details: { attempts: number; response?: HttpResponse; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.attempts = details.attempts;
    this.response = details.response;
    this.status = details.response?.status;
  }
}
