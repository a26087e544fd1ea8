import type { FastifyInstance } from 'fastify';
import { parseHttpInbound, verifyHttpSignature } from '@parley/channels';
import { getChannel, insertInboundMessage, type Db } from '@parley/db';
import { enqueueInbound, type Queues } from '@parley/queue';

export type HttpWebhookDeps = { db: Db; queues: Queues; secretKey: string };

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
  app.post<{ Params: { channelId: string } }>('/webhooks/http/:channelId', async (request, reply) => {
    const { channelId } = request.params;
    const channel = await getChannel(deps.db, channelId, deps.secretKey);
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
    const { message, duplicate } = await insertInboundMessage(deps.db, {
      workspaceId: channel.workspaceId,
      channelId,
      channelMessageId: parsed.message.channelMessageId,
      contact: parsed.message.contact,
      text: parsed.message.text,
      payload: { text: parsed.message.text },
    });
    const log = request.log.child({ channelId, messageId: message.id });
    if (duplicate && message.status !== 'received') {
      log.info('duplicate message acknowledged');
      return reply.code(200).send({ status: 'duplicate', id: message.id });
    }
    await enqueueInbound(deps.queues, { channelId, contact: message.contact }, message.id);
    log.info({ duplicate }, 'message accepted');
    return reply.code(duplicate ? 200 : 202).send({ status: duplicate ? 'duplicate' : 'accepted', id: message.id });
  });
}

function readWebhookSecret(secrets: unknown): string | null {
  if (typeof secrets !== 'object' || secrets === null || !('webhookSecret' in secrets)) return null;
  const value = secrets.webhookSecret;
  return typeof value === 'string' && value.length > 0 ? value : null;
}
