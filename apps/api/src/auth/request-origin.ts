import type { IncomingHttpHeaders } from 'node:http';

/**
 * The origin a browser says a request comes from: the `Origin` header, or when there
 * is none the origin of `Referer`; normalized as URL.origin. Null when neither is
 * there or neither parses as an http(s) URL (an opaque `Origin: null` included).
 */
export function requestOrigin(headers: IncomingHttpHeaders): string | null {
  const origin = headers.origin;
  if (typeof origin === 'string' && origin !== '') return httpOrigin(origin);
  const referer = headers.referer;
  return typeof referer === 'string' && referer !== '' ? httpOrigin(referer) : null;
}

function httpOrigin(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
}
