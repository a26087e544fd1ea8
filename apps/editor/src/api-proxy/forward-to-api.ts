import { readApiConfig } from '../trpc/read-api-config';

/** Headers that describe one connection, not the request: never forwarded either way. */
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'expect']);

/** Request headers the editor does not pass on (the API gets its own Host and length; Next's internal headers stay here). */
const dropRequest = new Set(['host', 'content-length', 'accept-encoding', 'forwarded', 'x-forwarded-host', 'x-forwarded-port', 'x-forwarded-proto', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-url', 'x-middleware-subrequest']);

/** Response headers not passed back: fetch has already decoded the body, so its encoding and length no longer apply. */
const dropResponse = new Set(['content-encoding', 'content-length', 'set-cookie']);

/** How long a forwarded request may take before the browser gets 504. */
export const forwardTimeoutMs = 15_000;

/**
 * Forwards one browser request for `/api/auth/*` or `/trpc/*` to the same path on
 * the API (PARLEY_API_URL, read now: per request, never at build), so the browser
 * sees one origin and the session cookie stays first-party. Passes on the method,
 * body, query and headers, Cookie and Origin included (the API refuses
 * state-changing cookie requests whose Origin is not PUBLIC_URL), and
 * X-Forwarded-For as Next.js received or set it. Passes back the status, headers and
 * every Set-Cookie. When the API cannot be reached it answers 502 (504 on timeout)
 * with a JSON body a tRPC client reads as an error with a message.
 */
export async function forwardToApi(request: Request, env: Record<string, string | undefined> = process.env): Promise<Response> {
  const read = readApiConfig(env);
  if (!read.ok) return errorResponse(500, 'INTERNAL_SERVER_ERROR', read.message);
  const incoming = new URL(request.url);
  const target = `${read.config.apiUrl}${incoming.pathname}${incoming.search}`;

  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!hopByHop.has(name) && !dropRequest.has(name) && !name.startsWith('x-middleware-') && name !== 'x-parley-path') headers.set(name, value);
  });
  const init: RequestInit = { method: request.method, headers, redirect: 'manual', signal: AbortSignal.timeout(forwardTimeoutMs) };
  if (request.method !== 'GET' && request.method !== 'HEAD') init.body = await request.arrayBuffer();

  let response: Response;
  try {
    response = await fetch(target, init);
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return errorResponse(timedOut ? 504 : 502, timedOut ? 'TIMEOUT' : 'BAD_GATEWAY', timedOut ? 'The Parley API did not answer in time. Try again.' : `Cannot reach the Parley API (${causeOf(error)}). Try again in a moment.`);
  }

  const out = new Headers();
  response.headers.forEach((value, name) => {
    if (!hopByHop.has(name) && !dropResponse.has(name)) out.set(name, value);
  });
  for (const cookie of response.headers.getSetCookie()) out.append('set-cookie', cookie);
  const bodyless = request.method === 'HEAD' || response.status === 204 || response.status === 304;
  return new Response(bodyless ? null : response.body, { status: response.status, statusText: response.statusText, headers: out });
}

/**
 * An error answer shaped like a tRPC error (`error.message`, `error.data.code`) that
 * also carries a top-level `message`, as better-auth's errors do: both clients show it.
 */
function errorResponse(status: number, code: string, message: string): Response {
  return Response.json(
    { message, error: { message, code: -32603, data: { code, httpStatus: status } } },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

function causeOf(error: unknown): string {
  let current: unknown = error;
  let message = 'unknown error';
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = 'code' in current && typeof current.code === 'string' ? current.code : undefined;
    message = code ?? current.message ?? message;
    current = current.cause;
  }
  return message;
}
