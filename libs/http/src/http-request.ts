import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request, type Dispatcher } from 'undici';
import { backoffDelay } from './backoff-delay';
import { HttpRequestError, type HttpErrorKind } from './http-request-error';
import {
  httpRequestSpecSchema,
  type HttpRequestSpec,
  type HttpResponse,
  type ResolvedHttpRequestSpec,
} from './http-request-spec';

export type HttpRequestOptions = {
  /**
   * Connection policy for this call. Default: one keep-alive Agent owned by this
   * lib (never undici's global dispatcher). The SSRF guard and mTLS will be
   * dispatchers passed here.
   */
  dispatcher?: Dispatcher;
  /** Jitter source, [0, 1); defaults to Math.random. */
  random?: () => number;
};

/** Statuses worth another attempt (the API element's "Retry on error" list). */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 500, 502, 503, 504]);
const RETRYABLE_KINDS: ReadonlySet<HttpErrorKind> = new Set(['timeout', 'network']);

let sharedAgent: Agent | undefined;
function defaultDispatcher(): Agent {
  sharedAgent ??= new Agent({ keepAliveTimeout: 4_000, connect: { timeout: 10_000 } });
  return sharedAgent;
}

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
 * - Redirects are not followed (each hop will need the SSRF check).
 * - Error messages name the method, origin and path, never the query string.
 */
export async function httpRequest(spec: HttpRequestSpec, options: HttpRequestOptions = {}): Promise<HttpResponse> {
  const parsed = httpRequestSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new HttpRequestError('invalid-request', `Invalid HTTP request: ${reasons}`, { attempts: 0 });
  }
  const resolved = parsed.data;
  const dispatcher = options.dispatcher ?? defaultDispatcher();
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

/**
 * One attempt. A retryable status is returned without its body unless this is
 * the last attempt (then the body is read for the caller).
 */
async function attemptOnce(spec: ResolvedHttpRequestSpec, dispatcher: Dispatcher, isLast: boolean): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, spec.timeoutMs);
  try {
    const response = await request(spec.url, {
      method: spec.method,
      headers: withUserAgent(spec.headers),
      body: spec.body ?? null,
      signal: controller.signal,
      dispatcher,
    });
    // Errors after an early destroy() are expected; real read errors still reach the loop below.
    response.body.on('error', () => undefined);
    const headers = flattenHeaders(response.headers);
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
  } catch (error) {
    if (timedOut) return { outcome: 'error', kind: 'timeout', message: `timed out after ${spec.timeoutMs} ms`, cause: error };
    if (isUndiciInvalidArgument(error)) {
      return { outcome: 'error', kind: 'invalid-request', message: `refused by the client (${messageOf(error)})`, cause: error };
    }
    return { outcome: 'error', kind: 'network', message: `network error (${messageOf(error)})`, cause: error };
  } finally {
    clearTimeout(timer);
  }
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
