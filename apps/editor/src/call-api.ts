import { createApiClient } from './create-api-client';
import { describeApiFailure, type ApiFailure } from './describe-api-failure';
import { readApiConfig } from './read-api-config';

export type ApiClient = ReturnType<typeof createApiClient>;

export type ApiResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'failed'; failure: ApiFailure }
  | { kind: 'misconfigured'; message: string };

/** How long a page waits for the API before showing its error state. */
export const apiTimeoutMs = 5_000;

/**
 * Makes one round of API calls for a server component. Reads the API location
 * from the environment now (request time, never at build), gives `call` a
 * client and an abort signal that fires after apiTimeoutMs, and never throws:
 * every failure becomes a result the page renders, so an API outage never
 * turns into a crash page.
 */
export async function callApi<T>(
  call: (api: ApiClient, signal: AbortSignal) => Promise<T>,
  env: Record<string, string | undefined> = process.env,
): Promise<ApiResult<T>> {
  const read = readApiConfig(env);
  if (!read.ok) return { kind: 'misconfigured', message: read.message };
  try {
    return { kind: 'ok', value: await call(createApiClient(read.config), AbortSignal.timeout(apiTimeoutMs)) };
  } catch (error) {
    return { kind: 'failed', failure: describeApiFailure(error, read.config.trpcUrl) };
  }
}
