import type { FastifyReply } from 'fastify';

/** 429 for a message of a workspace over its inbound rate (WORKSPACE_INBOUND_RATE): nothing was stored, retry after the wait. */
export function sendWorkspaceRateLimited(reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return reply
    .code(429)
    .header('retry-after', String(seconds))
    .send({ error: 'too_many_requests', message: `This workspace receives more messages than its limit allows; retry in ${seconds} s` });
}
