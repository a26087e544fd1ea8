import type { FastifyInstance } from 'fastify';
import type { RouteAccess } from './route-access';

/** One registered route and who may call it. */
export type DeclaredRoute = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of this server with its declared access (tests enumerate them). */
    declaredRoutes: DeclaredRoute[];
  }
}

/**
 * Makes `config.access` mandatory for every route registered on `app` from now on:
 * registering one without it throws at start-up, naming it, so no route is public by
 * omission. The tRPC endpoint (`/trpc/...`, registered by tRPC's plugin) is marked as
 * such: its procedures declare their own access in libs/api. Call it before any route.
 */
export function requireRouteAccess(app: FastifyInstance): void {
  const routes: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', routes);
  app.addHook('onRoute', (route) => {
    const declared = route.config?.access ?? (route.url.startsWith('/trpc') ? { trpc: 'every tRPC procedure declares its own access (libs/api)' } : undefined);
    const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
    if (!declared) throw new Error(`${methods} ${route.url} declares no access: set config.access (publicRoute(reason)) on every route`);
    route.config = { ...route.config, access: declared };
    routes.push({ method: methods, url: route.url, access: declared });
  });
}
