import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { clientIpHeader } from '@parley/auth';
import { toFetchHeaders } from './to-fetch-headers';
import { publicRoute } from '../routes/route-access';

export type AuthRoutesDeps = {
  /** better-auth's request handler (ParleyAuth.handler). */
  handler: (request: Request) => Promise<Response>;
  /** PUBLIC_URL's origin: better-auth sees every request as addressed to it. */
  publicOrigin: string;
  /** The CSRF check (createOriginCheck), run before anything else of these routes. */
  originCheck: onRequestHookHandler;
};

/** Headers about this one connection or body framing: never handed on. */
const hopHeaders = ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'expect', 'proxy-connection'];

/**
 * Serves better-auth under `/api/auth/*` (GET and POST; sign-up, sign-in, sign-out,
 * get-session ...). Each request is handed to better-auth as a Fetch Request for
 * PUBLIC_URL, with the exact body our JSON parser kept (better-auth also accepts JSON
 * only: other content types get our 415 first) and the client's address in
 * `clientIpHeader` (request.ip, which honours TRUST_PROXY; a client's own value for
 * that header is dropped). Its answer is sent as is, every Set-Cookie kept. Unexpected
 * failures (better-auth throws them: createAuth's onAPIError) reach the server's error
 * handler: 503 when Postgres is down, else 500, never a stack trace or SQL.
 */
export function registerAuthRoutes(app: FastifyInstance, deps: AuthRoutesDeps): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    ...publicRoute('sign-up and sign-in are for people not signed in yet; better-auth checks the session cookie on every other endpoint, and the origin check guards state changes'),
    onRequest: deps.originCheck,
    handler: async (request, reply) => sendFetchResponse(reply, await deps.handler(toAuthRequest(request, deps.publicOrigin))),
  });
}

function toAuthRequest(request: FastifyRequest, publicOrigin: string): Request {
  const headers = toFetchHeaders(request.headers);
  for (const name of hopHeaders) headers.delete(name);
  headers.set(clientIpHeader, request.ip);
  const body = request.method === 'GET' || request.rawBody === undefined || request.rawBody === '' ? null : request.rawBody;
  return new Request(new URL(request.url, publicOrigin), { method: request.method, headers, body });
}

async function sendFetchResponse(reply: FastifyReply, response: Response): Promise<FastifyReply> {
  reply.code(response.status);
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie' || hopHeaders.includes(name)) continue;
    reply.header(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  const body = response.body === null ? null : Buffer.from(await response.arrayBuffer());
  return reply.send(body);
}
