import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { signInHref } from '../features/auth/next-path';
import { pathHeader } from '../features/auth/session-cookie';
import { callApi, isSignedOut, type ApiClient, type ApiResult } from './call-api';

/**
 * callApi for a server component, acting for the person who sent the request: the
 * incoming Cookie header (their session) is forwarded to the API.
 */
export async function requestApi<T>(call: (api: ApiClient, signal: AbortSignal) => Promise<T>): Promise<ApiResult<T>> {
  const cookie = (await headers()).get('cookie') ?? undefined;
  return callApi(call, { cookie });
}

/**
 * When the API said the person is not signed in (no session, or it expired), sends
 * them to /sign-in, coming back to this page afterwards. Otherwise returns the result.
 */
export async function orSignIn<T>(result: ApiResult<T>): Promise<ApiResult<T>> {
  if (isSignedOut(result)) {
    const path = (await headers()).get(pathHeader) ?? '/';
    redirect(signInHref(path));
  }
  return result;
}

/**
 * Who is signed in, where they act and with which role (`workspaces.current`), once
 * per request however many layouts and pages ask.
 */
export const getCurrentMember = cache(async () => requestApi((api, signal) => api.workspaces.current.query(undefined, { signal })));
