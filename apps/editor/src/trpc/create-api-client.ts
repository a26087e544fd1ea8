import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@parley/api';
import type { ApiConfig } from './read-api-config';

/**
 * A typed tRPC client for one request's worth of calls from server components,
 * acting for the person whose `cookie` header it forwards (their better-auth
 * session). Only the router's *type* crosses from the server code: at run time
 * this is plain HTTP to `config.trpcUrl`. It only reads (queries are GETs), so
 * the API's Origin check for state-changing requests does not apply.
 */
export function createApiClient(config: ApiConfig, cookie?: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: config.trpcUrl, headers: cookie ? { cookie } : {} })],
  });
}
