import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@parley/api';
import type { ApiConfig } from './read-api-config';

/**
 * The header the API host reads the caller's workspace slug from (until API keys).
 * Same value as `workspaceHeader` in @parley/api, which the editor may not import at run time.
 */
export const workspaceHeader = 'x-parley-workspace';

/**
 * A typed tRPC client for one request's worth of calls from server components.
 * Only the router's *type* crosses from the server code: at run time this is
 * plain HTTP to `config.trpcUrl`.
 */
export function createApiClient(config: ApiConfig) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: config.trpcUrl,
        headers: { [workspaceHeader]: config.workspace },
      }),
    ],
  });
}
