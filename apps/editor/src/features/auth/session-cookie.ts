/**
 * The better-auth session cookie: `parley.session_token`, or with the `__Secure-`
 * prefix when the site is served over https. Only its presence is checked here
 * (an optimistic check before rendering); the API decides whether it is valid.
 */
export function isSessionCookieName(name: string): boolean {
  return name === 'parley.session_token' || name === '__Secure-parley.session_token';
}

/** The request header proxy.ts sets to the path (and query) being rendered, for redirects back to it. */
export const pathHeader = 'x-parley-path';
