/**
 * Where to go after signing in: `value` when it is a path on this site ("/…"),
 * else `fallback`. Refuses what would leave the site: absolute URLs,
 * protocol-relative `//host`, backslash tricks (`/\host`) and control characters.
 */
export function safeNextPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\\]/.test(value)) return fallback;
  return value;
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The sign-in page, coming back to `next` afterwards (home when it is home). */
export function signInHref(next?: string, email?: string): string {
  const back = safeNextPath(next);
  return withQuery('/sign-in', { next: back === '/' ? undefined : back, email });
}

/** The sign-up page, coming back to `next` afterwards, with the email filled in when known. */
export function signUpHref(next?: string, email?: string): string {
  const back = safeNextPath(next);
  return withQuery('/sign-up', { next: back === '/' ? undefined : back, email });
}
