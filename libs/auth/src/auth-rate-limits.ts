/**
 * better-auth's rate limits (windows in seconds), counted per client address and path
 * in the RateLimit table, so every API process shares them. Sign-in and sign-up:
 * 5 attempts a minute per address, then 429 with X-Retry-After (seconds) until the
 * window ends. Every other auth route: better-auth's default, 100 per 10 s.
 */
export const authRateLimits = {
  default: { window: 10, max: 100 },
  credentials: { window: 60, max: 5 },
};
