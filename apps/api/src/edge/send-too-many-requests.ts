import type { FastifyReply } from 'fastify';
import type { IpLimitKind } from './ip-limits';

/** What each kind counts, as the 429 message names it. */
const counted: Record<IpLimitKind, string> = { session: 'new chat sessions', message: 'messages', stream: 'event streams' };

/**
 * Answers 429 for a client address past its `kind` limit (IpRateLimiter.take):
 * `{ error: 'too_many_requests', message }` with `Retry-After: <seconds>` (whole, at
 * least 1), which a cross-origin widget may read (Access-Control-Expose-Headers; the
 * route sets the allowed origin as for any other answer).
 */
export function sendTooManyRequests(reply: FastifyReply, kind: IpLimitKind, retryAfterSeconds: number): FastifyReply {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return reply
    .code(429)
    .header('retry-after', String(seconds))
    .header('access-control-expose-headers', 'retry-after')
    .send({ error: 'too_many_requests', message: `Too many ${counted[kind]} from your address; retry in ${seconds} s` });
}
