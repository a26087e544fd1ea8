import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from './bearer-token';
import { requestOrigin } from './request-origin';

export type OriginCheckOptions = {
  /** Normalized origins (URL.origin) whose pages may send cookie-carrying requests: PUBLIC_URL's and TRUSTED_ORIGINS. */
  allowedOrigins: readonly string[];
  /**
   * Whether a request with an `Authorization` header skips the check (tRPC: an API key
   * is no ambient credential, and such a request is resolved by its key alone, never by
   * its cookies). False for better-auth's routes, which read cookies only.
   */
  skipWithAuthorization: boolean;
};

const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence, as an onRequest hook for the routes it is added to: a state-changing
 * request (POST, PUT, PATCH, DELETE) that carries a Cookie header must come from an
 * allowed origin (requestOrigin: Origin, else Referer's origin), or it is refused with
 * 403 `{ error: 'forbidden_origin', message }` before its body is read. Requests
 * without cookies carry no ambient credential and pass (better-auth's Fetch Metadata
 * check still guards a first sign-in); GET and HEAD change nothing and pass.
 */
export function createOriginCheck(options: OriginCheckOptions) {
  const allowed = new Set(options.allowedOrigins);
  return async function originCheck(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!stateChangingMethods.has(request.method)) return;
    if (request.headers.cookie === undefined) return;
    if (options.skipWithAuthorization && bearerToken(request.headers) !== null) return;
    const origin = requestOrigin(request.headers);
    if (origin !== null && allowed.has(origin)) return;
    request.log.warn({ origin: origin ?? 'none' }, 'cookie-carrying request from a foreign origin refused');
    await reply.code(403).send({
      error: 'forbidden_origin',
      message: origin === null
        ? 'Requests carrying cookies must say where they come from (Origin header)'
        : `Requests carrying cookies are accepted from the editor's origin only, not from ${origin}`,
    });
  };
}
