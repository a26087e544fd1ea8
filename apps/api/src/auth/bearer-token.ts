import type { IncomingHttpHeaders } from 'node:http';

/**
 * The token of an `Authorization: Bearer <token>` header; null when the request has no
 * Authorization header. Any other Authorization value yields '' (present but no
 * usable token): a caller that sent credentials is never treated as one that did not.
 */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const value = headers.authorization;
  if (value === undefined) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(value);
  return match?.[1] ?? '';
}
