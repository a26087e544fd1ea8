import { z } from 'zod';

/**
 * One web origin: `http(s)://host[:port]`, nothing after it but an optional `/`.
 * Parsed to its normalized form (URL.origin: lower-case host, default port dropped),
 * the form browsers send in the Origin header.
 */
export const webOriginSchema = z
  .string()
  .trim()
  .transform((value, context): string => {
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
      context.addIssue({ code: 'custom', message: 'must be an http:// or https:// origin (scheme, host and optional port; no path), e.g. https://parley.example.com' });
      return z.NEVER;
    }
    return url.origin;
  });
