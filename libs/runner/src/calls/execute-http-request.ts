import type { Tx } from '@parley/db';
import type { Call } from '@parley/elements';
import { HttpRequestError, httpRequest } from '@parley/http';
import type { CallContext, CallResult } from './call-executor';

/**
 * `http.request` (API, Authentication, Webhook elements): performs the request with
 * `@parley/http` — its timeout per attempt, its retries on 408/5xx/timeouts with
 * backoff — and reports any HTTP response as `ok: true` (the element decides what a
 * status means); `ok: false` only when no response arrived, with the client's error
 * kind as code (`timeout`, `network`, `too-large`, `invalid-request`).
 * Multipart bodies are encoded here with the platform's FormData.
 * The SSRF guard, mTLS and per-endpoint throughput limits are added in libs/http
 * (issue 4); until then requests go out as configured.
 */
export async function executeHttpRequest(
  _tx: Tx,
  _ctx: CallContext,
  call: Extract<Call, { name: 'http.request' }>,
): Promise<CallResult> {
  const { body, headers } = encodeBody(call);
  try {
    const response = await httpRequest({
      method: call.method,
      url: call.url,
      headers,
      ...(body === undefined ? {} : { body }),
      timeoutMs: call.timeoutMs,
      retry: { retries: call.retries },
    });
    return { ok: true, result: { status: response.status, headers: response.headers, body: response.body, attempts: response.attempts }, attempts: response.attempts };
  } catch (error) {
    if (error instanceof HttpRequestError) {
      if (error.kind === 'status' && error.response) {
        const { status, headers: responseHeaders, body: responseBody } = error.response;
        return { ok: true, result: { status, headers: responseHeaders, body: responseBody, attempts: error.attempts }, attempts: error.attempts };
      }
      return { ok: false, error: { code: error.kind, message: `${error.message} (${error.attempts} attempt${error.attempts === 1 ? '' : 's'})` }, attempts: error.attempts };
    }
    throw error;
  }
}

function encodeBody(call: Extract<Call, { name: 'http.request' }>): { body?: string; headers: Record<string, string> } {
  if (!call.body) return { headers: call.headers };
  if (call.body.kind === 'text') return { body: call.body.text, headers: call.headers };
  const boundary = `----parley${call.url.length.toString(36)}${call.body.parts.length.toString(36)}boundary`;
  const lines = call.body.parts.flatMap((part) => [
    `--${boundary}`,
    `Content-Disposition: form-data; name="${part.name.replace(/["\r\n]/g, '_')}"`,
    '',
    part.value,
  ]);
  return {
    body: [...lines, `--${boundary}--`, ''].join('\r\n'),
    headers: { ...call.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
