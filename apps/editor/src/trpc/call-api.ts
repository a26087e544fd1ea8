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

export type CallApiOptions = {
  /** The incoming request's Cookie header, forwarded so the API acts for that person. */
  cookie?: string | undefined;
  env?: Record<string, string | undefined>;
};

/**
 * Makes one round of API calls for a server component. Reads the API location
 * from the environment now (request time, never at build), gives `call` a
 * client and an abort signal that fires after apiTimeoutMs, and never throws:
 * every failure becomes a result the page renders, so an API outage never
 * turns into a crash page.
 */
export async function callApi<T>(call: (api: ApiClient, signal: AbortSignal) => Promise<T>, options: CallApiOptions = {}): Promise<ApiResult<T>> {
  const read = readApiConfig(options.env ?? process.env);
  if (!read.ok) return { kind: 'misconfigured', message: read.message };
  try {
    return { kind: 'ok', value: await call(createApiClient(read.config, options.cookie), AbortSignal.timeout(apiTimeoutMs)) };
  } catch (error) {
    return { kind: 'failed', failure: describeApiFailure(error, read.config.trpcUrl) };
  }
}

/** True when the API said the caller is not signed in (no session, or it expired). */
export function isSignedOut(result: ApiResult<unknown>): boolean {
  return result.kind === 'failed' && result.failure.kind === 'refused' && result.failure.code === 'UNAUTHORIZED';
}
