import { z } from 'zod';

/** `*`, or an exact web origin: `scheme://host[:port]`, lower-case, no path (what browsers send in `Origin`). */
export const webchatOriginSchema = z.string().refine(isCanonicalOrigin, {
  error: 'must be "*" or an origin like https://shop.example (scheme, host and optional port; no path or trailing slash)',
});

/**
 * A web chat channel's settings (all non-secret: visitors are identified by
 * tokens the API signs with a key derived from PARLEY_SECRET_KEY).
 * - `allowedOrigins`: the pages allowed to embed the widget and call the API
 *   (CORS); `*` admits any origin.
 * - `title`: the chat panel's heading; `welcomeText`: shown above the
 *   conversation, not stored as a message.
 * - `visitorTokensNotBefore`: visitor tokens issued before this instant are
 *   refused (their visitors start new conversations) — how an operator revokes
 *   every token of the channel at once, e.g. after a leak.
 */
export const webchatChannelConfigSchema = z.object({
  allowedOrigins: z.array(webchatOriginSchema).min(1, { error: 'name at least one origin' }).max(50),
  title: z.string().trim().min(1).max(60).default('Chat'),
  welcomeText: z.string().trim().max(500).optional(),
  visitorTokensNotBefore: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-12-06T12:00:00Z' }).optional(),
});
export type WebchatChannelConfig = z.infer<typeof webchatChannelConfigSchema>;

/**
 * Whether a browser request from `origin` may use the channel. A request
 * without an Origin header (not a cross-origin browser call: curl, a server)
 * is allowed here; the visitor token is what authenticates.
 */
export function isWebchatOriginAllowed(config: Pick<WebchatChannelConfig, 'allowedOrigins'>, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  return config.allowedOrigins.some((allowed) => allowed === '*' || allowed === origin.toLowerCase());
}

function isCanonicalOrigin(value: string): boolean {
  if (value === '*') return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
