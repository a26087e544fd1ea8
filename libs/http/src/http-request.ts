import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { backoffDelay } from './backoff-delay';
import { BlockedAddressError } from './blocked-address-error';
import { TlsMaterialError } from './create-guarded-agent';
import { guardedDispatcherFor } from './guarded-dispatcher-for';
import { httpPolicySchema, type HttpPolicy } from './http-policy';
import { HttpRequestError, type HttpErrorKind } from './http-request-error';
import {
  httpRequestSpecSchema,
  type HttpMethod,
  type HttpRequestSpec,
  type HttpResponse,
  type ResolvedHttpRequestSpec,
} from './http-request-spec';
import { httpTlsSchema, type HttpTls } from './http-tls';

/**
 * How the call connects. By default through the SSRF-guarded keep-alive Agent for
 * (`policy`, `tls`), owned by this lib (never undici's global dispatcher).
 * `dispatcher` replaces that Agent entirely — the guard included unless it comes
 * from `createGuardedAgent` — so it is for tests and special cases only, and
 * cannot be combined with `policy`/`tls`.
 */
export type HttpRequestOptions = {
  /** Jitter source, [0, 1); defaults to Math.random. */
  random?: () => number;
} & (
  | {
      /** The caller's allowlist (the workspace's `settings.http.allowlist`); default: public addresses only. */
      policy?: HttpPolicy | undefined;
      /** Server CA and/or client certificate (mTLS). */
      tls?: HttpTls | undefined;
      dispatcher?: undefined;
    }
  | { dispatcher: Dispatcher; policy?: undefined; tls?: undefined }
);

/** Statuses worth another attempt (the API element's "Retry on error" list). */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 500, 502, 503, 504]);
const RETRYABLE_KINDS: ReadonlySet<HttpErrorKind> = new Set(['timeout', 'network']);
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Dropped when a redirect turns the request into a body-less GET (as the Fetch standard does). */
const BODY_HEADERS: ReadonlySet<string> = new Set(['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']);
/** Dropped when a redirect leaves the origin: credentials meant for the first host. */
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'cookie', 'proxy-authorization']);

type Attempt =
  | { outcome: 'response'; status: number; headers: Record<string, string>; body: string }
  | { outcome: 'retryable-status'; status: number; headers: Record<string, string> }
  | { outcome: 'error'; kind: HttpErrorKind; message: string; cause: unknown };

/**
 * The one outbound HTTP client. Sends `spec`, retrying per `spec.retry`, and
 * resolves with the response when its status is below 400.
 *
 * Contract:
 * - Validates the spec first; a bad one throws `invalid-request` without any I/O.
 * - Each attempt gets `timeoutMs` for everything (connect, headers, body).
 * - 408/500/502/503/504, timeouts and connection errors are retried with
 *   jittered exponential backoff; other statuses and `too-large` are final.
 * - A body over `maxResponseBytes` (by content-length or while streaming) is
 *   aborted and reported as `too-large`, never buffered past the cap.
 * - A final status ≥ 400 throws `status`, carrying the response.
 * - SSRF guard (default dispatcher): every connection — first URL and every
 *   redirect hop — goes only to addresses that are public or allowlisted by
 *   `options.policy`, checked on the resolved address at connect time; a refusal
 *   throws `blocked` (not retried).
 * - Up to `maxRedirects` redirects are followed within the attempt's time budget:
 *   http(s) targets only; 303 (and 301/302 after POST) become a body-less GET;
 *   credentials headers are dropped when the origin changes. One more throws
 *   `too-many-redirects`.
 * - Unusable `options.tls` throws `certificate`, a bad `options.policy`
 *   `invalid-request`, both without any I/O.
 * - Error messages name the method, origin and path, never the query string.
 */
export async function httpRequest(spec: HttpRequestSpec, options: HttpRequestOptions = {}): Promise<HttpResponse> {
  const parsed = httpRequestSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new HttpRequestError('invalid-request', `Invalid HTTP request: ${reasons}`, { attempts: 0 });
  }
  const resolved = parsed.data;
  const dispatcher = options.dispatcher ?? defaultDispatcher(options.policy, options.tls);
  const random = options.random ?? Math.random;
  const target = describeTarget(resolved);
  const startedAt = performance.now();
  const maxAttempts = resolved.retry.retries + 1;

  for (let attempt = 1; ; attempt += 1) {
    const isLast = attempt === maxAttempts;
    const result = await attemptOnce(resolved, dispatcher, isLast);
    const elapsed = () => Math.round(performance.now() - startedAt);

    if (result.outcome === 'response') {
      const response: HttpResponse = { ...result, attempts: attempt, durationMs: elapsed() };
      if (result.status < 400) return response;
      throw new HttpRequestError('status', `${target} answered ${result.status} after ${plural(attempt)}`, {
        attempts: attempt,
        response,
      });
    }
    const retryable = result.outcome === 'retryable-status' || RETRYABLE_KINDS.has(result.kind);
    if (result.outcome === 'error' && (!retryable || isLast)) {
      throw new HttpRequestError(result.kind, `${target}: ${result.message} after ${plural(attempt)}`, {
        attempts: attempt,
        cause: result.cause,
      });
    }
    await sleep(backoffDelay(resolved.retry, attempt, random));
  }
}

/** The guarded Agent for this policy and TLS setting; throws `invalid-request` / `certificate` for bad ones. */
function defaultDispatcher(policy: HttpPolicy | undefined, tls: HttpTls | undefined): Dispatcher {
  const parsedPolicy = httpPolicySchema.safeParse(policy ?? {});
  if (!parsedPolicy.success) {
    const reasons = parsedPolicy.error.issues.map((issue) => `policy.${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new HttpRequestError('invalid-request', `Invalid HTTP policy: ${reasons}`, { attempts: 0 });
  }
  const parsedTls = tls === undefined ? undefined : httpTlsSchema.safeParse(tls);
  if (parsedTls && !parsedTls.success) {
    const reasons = parsedTls.error.issues.map((issue) => issue.message).join('; ');
    throw new HttpRequestError('certificate', `Invalid TLS settings: ${reasons}`, { attempts: 0 });
  }
  try {
    return guardedDispatcherFor(parsedPolicy.data, parsedTls?.data);
  } catch (error) {
    if (error instanceof TlsMaterialError) throw new HttpRequestError('certificate', error.message, { attempts: 0, cause: error });
    throw error;
  }
}

/** One request of a redirect chain. */
type Hop = { url: string; method: HttpMethod; headers: Record<string, string>; body: string | undefined };

/**
 * One attempt, redirects included. A retryable status is returned without its
 * body unless this is the last attempt (then the body is read for the caller).
 */
async function attemptOnce(spec: ResolvedHttpRequestSpec, dispatcher: Dispatcher, isLast: boolean): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, spec.timeoutMs);
  let hop: Hop = { url: spec.url, method: spec.method, headers: withUserAgent(spec.headers), body: spec.body };
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await request(hop.url, {
        method: hop.method,
        headers: hop.headers,
        body: hop.body ?? null,
        signal: controller.signal,
        dispatcher,
      });
      // Errors after an early destroy() are expected; real read errors still reach the loop below.
      response.body.on('error', () => undefined);
      const headers = flattenHeaders(response.headers);
      const location = headers['location'];
      if (spec.maxRedirects === 0 || !REDIRECT_STATUSES.has(response.statusCode) || location === undefined) {
        return await readResponse(spec, response, headers, isLast);
      }
      await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      if (redirects === spec.maxRedirects) {
        return { outcome: 'error', kind: 'too-many-redirects', message: `more than ${spec.maxRedirects} redirects`, cause: undefined };
      }
      const next = redirectHop(hop, response.statusCode, location);
      if (next === 'invalid') return { outcome: 'error', kind: 'network', message: 'redirect to an invalid URL', cause: undefined };
      if (next === 'scheme') return { outcome: 'error', kind: 'blocked', message: 'blocked: redirect to a URL that is not http(s)', cause: undefined };
      hop = next;
    }
  } catch (error) {
    if (timedOut) return { outcome: 'error', kind: 'timeout', message: `timed out after ${spec.timeoutMs} ms`, cause: error };
    if (error instanceof BlockedAddressError) return { outcome: 'error', kind: 'blocked', message: `blocked: ${error.message}`, cause: error };
    if (isUndiciInvalidArgument(error)) {
      return { outcome: 'error', kind: 'invalid-request', message: `refused by the client (${messageOf(error)})`, cause: error };
    }
    return { outcome: 'error', kind: 'network', message: `network error (${messageOf(error)})`, cause: error };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The request a redirect leads to, or why it is not followed: `invalid`
 * (unparsable Location) or `scheme` (not http/https).
 */
function redirectHop(hop: Hop, status: number, location: string): Hop | 'invalid' | 'scheme' {
  let target: URL;
  try {
    target = new URL(location, hop.url);
  } catch {
    return 'invalid';
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return 'scheme';
  const toGet = (status === 303 && hop.method !== 'HEAD') || ((status === 301 || status === 302) && hop.method === 'POST');
  const crossOrigin = target.origin !== new URL(hop.url).origin;
  const headers = Object.fromEntries(
    Object.entries(hop.headers).filter(([name]) => {
      const lower = name.toLowerCase();
      return !(toGet && BODY_HEADERS.has(lower)) && !(crossOrigin && CREDENTIAL_HEADERS.has(lower));
    }),
  );
  return { url: target.href, method: toGet ? 'GET' : hop.method, headers, body: toGet ? undefined : hop.body };
}

/** The final response of the chain: retryable statuses, size cap, body as UTF-8. */
async function readResponse(
  spec: ResolvedHttpRequestSpec,
  response: Dispatcher.ResponseData,
  headers: Record<string, string>,
  isLast: boolean,
): Promise<Attempt> {
  if (RETRYABLE_STATUSES.has(response.statusCode) && !isLast) {
    response.body.destroy();
    return { outcome: 'retryable-status', status: response.statusCode, headers };
  }
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > spec.maxResponseBytes) {
    response.body.destroy();
    return tooLarge(spec, `declares ${declared} bytes`);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of response.body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    received += bytes.length;
    if (received > spec.maxResponseBytes) {
      response.body.destroy();
      return tooLarge(spec, `sent more than ${spec.maxResponseBytes} bytes`);
    }
    chunks.push(bytes);
  }
  return { outcome: 'response', status: response.statusCode, headers, body: Buffer.concat(chunks).toString('utf8') };
}

function tooLarge(spec: ResolvedHttpRequestSpec, what: string): Attempt {
  return {
    outcome: 'error',
    kind: 'too-large',
    message: `response body ${what}, over the ${spec.maxResponseBytes}-byte limit`,
    cause: undefined,
  };
}

function withUserAgent(headers: Record<string, string>): Record<string, string> {
  const named = Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent');
  return named ? headers : { ...headers, 'user-agent': 'Parley' };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** `POST https://host/path`: no query string, which may hold credentials. */
function describeTarget(spec: ResolvedHttpRequestSpec): string {
  const url = new URL(spec.url);
  return `${spec.method} ${url.origin}${url.pathname}`;
}

function isUndiciInvalidArgument(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'UND_ERR_INVALID_ARG';
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code: unknown = Reflect.get(error, 'code');
  const cause: unknown = error.cause;
  const causeCode = cause instanceof Error ? Reflect.get(cause, 'code') : undefined;
  const codes = [code, causeCode].filter((value): value is string => typeof value === 'string');
  return codes.length > 0 ? `${codes.join('/')}: ${error.message}` : error.message;
}

function plural(attempts: number): string {
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}
