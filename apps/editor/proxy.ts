import { NextResponse, type NextRequest } from 'next/server';
import { signInHref } from './src/features/auth/next-path';
import { isSessionCookieName, pathHeader } from './src/features/auth/session-cookie';

/** Pages anyone may open: signing in and up, and an invitation's landing page. */
function isPublicPage(pathname: string): boolean {
  return pathname === '/sign-in' || pathname === '/sign-up' || pathname.startsWith('/invite/');
}

/**
 * Runs before every page (not `/api/auth`, `/trpc` or static files):
 * - an optimistic check: without a session cookie, a private page redirects to
 *   /sign-in?next=<that page> at once (the API still decides; pages redirect the
 *   same way when it answers UNAUTHORIZED for an expired session);
 * - tells the page which path it renders (`x-parley-path`), for those redirects.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const path = `${pathname}${search}`;
  const signedIn = request.cookies.getAll().some((cookie) => isSessionCookieName(cookie.name) && cookie.value !== '');
  if (!signedIn && !isPublicPage(pathname)) return NextResponse.redirect(new URL(signInHref(path), request.url));
  const headers = new Headers(request.headers);
  headers.set(pathHeader, path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/|trpc/|trpc$|_next/|favicon\\.ico$).*)'],
};
