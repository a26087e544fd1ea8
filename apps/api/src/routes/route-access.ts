/**
 * Who may call an HTTP route of the API host, declared in its Fastify `config.access`
 * (build-server refuses to register a route without one, so none is open by omission):
 * - `{ public }`: anyone; the reason says what authenticates the request instead (a
 *   channel's signature, a visitor token) or why nothing needs to;
 * - `{ trpc }`: the tRPC endpoint; every procedure declares its own access (libs/api).
 */
export type RouteAccess = { public: string } | { trpc: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** A route's `config` declaring public access for `reason`. */
export function publicRoute(reason: string): { config: { access: RouteAccess } } {
  return { config: { access: { public: reason } } };
}
