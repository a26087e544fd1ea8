import type { FastifyInstance } from 'fastify';
import { parseHttpInbound, verifyHttpSignature } from '@parley/channels';
import { acceptInboundMessage } from './accept-inbound-message';
import type { IngressDeps } from './ingress-deps';
import { sendWorkspaceRateLimited } from './send-workspace-rate-limited';
import { publicRoute } from './route-access';

export type HttpWebhookDeps = IngressDeps;

/**
 * POST /webhooks/http/:channelId — the generic HTTP channel's ingress.
 * Contract: verify (401), parse (400 naming the field), store (idempotent on the
 * sender's messageId), enqueue, then answer 202. Nothing else happens inside the
 * request: the engine runs in the worker. A repeated messageId answers 200
 * `duplicate` and is not processed again (it is only re-enqueued while still
 * unprocessed, which makes a sender's retry after a failed enqueue safe).
 * If Postgres or Redis is down the answer is 503, never 2xx for a message that
 * was not stored and queued.
 */
export function registerHttpWebhookRoute(app: FastifyInstance, deps: HttpWebhookDeps): void {
  app.post<{ Params: { channelId: string } }>('/webhooks/http/:channelId', publicRoute("the sender's Standard Webhooks signature with the channel's secret authenticates it"), async (request, reply) => {
    const { channelId } = request.params;
    const channel = await deps.channels.get(deps.db, channelId);
    if (!channel || channel.type !== 'http' || !channel.enabled) {
      return reply.code(404).send({ error: 'not_found', message: `No enabled HTTP channel ${channelId}` });
    }
    const secret = readWebhookSecret(channel.secrets);
    if (!secret) {
      request.log.error({ channelId }, 'HTTP channel has no webhookSecret');
      return reply.code(500).send({ error: 'channel_misconfigured', message: 'Channel has no webhook secret' });
    }
    const rawBody = request.rawBody ?? '';
    const verified = verifyHttpSignature(rawBody, request.headers, secret);
    if (!verified.ok) {
      return reply.code(401).send({ error: 'invalid_signature', message: verified.reason });
    }
    const parsed = parseHttpInbound(request.body);
    if (!parsed.ok) {
      return reply.code(400).send({ error: 'invalid_body', field: parsed.error.field, message: parsed.error.message });
    }
    const outcome = await acceptInboundMessage(
      deps,
      { id: channelId, workspaceId: channel.workspaceId },
      { ...parsed.message, payload: { text: parsed.message.text } },
      request.log,
    );
    if (outcome.status === 'rate-limited') return sendWorkspaceRateLimited(reply, outcome.retryAfterSeconds);
    return reply.code(outcome.status === 'accepted' ? 202 : 200).send(outcome);
  });
}

function readWebhookSecret(secrets: unknown): string | null {
  if (typeof secrets !== 'object' || secrets === null || !('webhookSecret' in secrets)) return null;
  const value = secrets.webhookSecret;
  return typeof value === 'string' && value.length > 0 ? value : null;
}
