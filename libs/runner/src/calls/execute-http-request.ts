import { getClientCertificate, type Tx } from '@parley/db';
import type { Call, HttpRequestErrorCode } from '@parley/elements';
import { HttpRequestError, acquireRateLimit, httpRequest, rateLimitEndpointKey, type HttpErrorKind, type HttpTls } from '@parley/http';
import type { CallContext, CallResult } from './call-executor';

/**
 * `http.request` (API, Authentication, Webhook elements): performs the request with
 * `@parley/http` — SSRF guard under the operator's element egress policy (`ctx.egress`:
 * public addresses only unless the operator names hosts; nothing a workspace edits
 * opens loopback, private or metadata addresses), redirects re-checked per hop, its timeout per attempt,
 * its retries on 408/5xx/timeouts with backoff, its size cap — and reports any HTTP
 * response as `ok: true` (the element decides what a status means; `attempts` in the
 * result). `ok: false` only when no response arrived, with a code from the call's
 * contract: `blocked` (SSRF guard), `certificate` (mTLS certificate not in this
 * workspace, or unusable), `timeout`, `network`, `too-large`, `invalid-request`.
 * `mtlsCertificateId` selects one of the SESSION WORKSPACE's client certificates,
 * whose CA (if stored) also verifies the server.
 * Multipart bodies (text parts only) are encoded here.
 */
export async function executeHttpRequest(
  tx: Tx,
  ctx: CallContext,
  call: Extract<Call, { name: 'http.request' }>,
): Promise<CallResult> {
  if (call.rateLimit && ctx.rateLimit) {
    const { redis, keyPrefix, sourceAddress } = ctx.rateLimit;
    const endpoint = rateLimitEndpointKey(call.url);
    const slot = await acquireRateLimit(redis, { keyPrefix, endpointKey: endpoint, sourceKey: sourceAddress, ...call.rateLimit, maxWaitMs: call.timeoutMs });
    if (!slot.ok) {
      return {
        ok: false,
        error: {
          code: 'rate-limited',
          message: `${call.method} ${endpoint}: no slot under the endpoint's throughput limit within ${call.timeoutMs} ms (retry in ${slot.retryAfterMs} ms; 0 attempts)`,
        },
        attempts: 0,
      };
    }
  }
  const policy = ctx.egress ?? {};
  let tls: HttpTls | undefined;
  if (call.mtlsCertificateId !== undefined) {
    const certificate = await getClientCertificate(tx, { workspaceId: ctx.workspaceId, id: call.mtlsCertificateId }, ctx.secretKey);
    if (!certificate) {
      return {
        ok: false,
        error: { code: 'certificate', message: `mTLS certificate ${call.mtlsCertificateId} does not exist in this workspace (0 attempts)` },
        attempts: 0,
      };
    }
    tls = { certificate: certificate.certificate, key: certificate.key, ...(certificate.ca === null ? {} : { ca: certificate.ca }) };
  }

  const encoded = encodeBody(call);
  const { body } = encoded;
  const headers = withIdempotencyKey(encoded.headers, ctx.idempotencyKey);
  try {
    const response = await httpRequest(
      {
        method: call.method,
        url: call.url,
        headers,
        ...(body === undefined ? {} : { body }),
        timeoutMs: call.timeoutMs,
        retry: { retries: call.retries },
      },
      { policy, tls },
    );
    return { ok: true, result: { status: response.status, headers: response.headers, body: response.body, attempts: response.attempts }, attempts: response.attempts };
  } catch (error) {
    if (error instanceof HttpRequestError) {
      if (error.kind === 'status' && error.response) {
        const { status, headers: responseHeaders, body: responseBody } = error.response;
        return { ok: true, result: { status, headers: responseHeaders, body: responseBody, attempts: error.attempts }, attempts: error.attempts };
      }
      return {
        ok: false,
        error: { code: callErrorCode(error.kind), message: `${error.message} (${error.attempts} attempt${error.attempts === 1 ? '' : 's'})` },
        attempts: error.attempts,
      };
    }
    throw error;
  }
}

/**
 * Adds `Idempotency-Key` (the stored call's key: the same for every retry and every
 * re-run of one call, so a partner can drop repeats) unless the element sets its own.
 */
function withIdempotencyKey(headers: Record<string, string>, key: string | undefined): Record<string, string> {
  if (key === undefined || Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key')) return headers;
  return { ...headers, 'Idempotency-Key': key };
}

/** The call contract's error code for a client error kind (a redirect loop counts as a network failure). */
function callErrorCode(kind: HttpErrorKind): HttpRequestErrorCode {
  switch (kind) {
    case 'too-many-redirects':
    case 'status':
      return 'network';
    default:
      return kind;
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
