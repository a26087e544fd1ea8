import type { InboundHeaders } from './channel-adapter';

/**
 * A single non-empty header value, looked up case-insensitively. A header sent
 * more than once (an array) counts as missing: an authentication header must be
 * unambiguous.
 */
export function readHeader(headers: InboundHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return typeof value === 'string' && value !== '' ? value : undefined;
  }
  return undefined;
}
