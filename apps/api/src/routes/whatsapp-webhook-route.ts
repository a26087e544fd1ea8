import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  parseChannelSettings,
  parseWhatsAppWebhook,
  verifyWhatsAppSignature,
  verifyWhatsAppSubscription,
  whatsappChannelConfigSchema,
  type WhatsAppChannelConfig,
} from '@parley/channels';
import { recordDeliveryStatus, type Channel } from '@parley/db';
import { acceptInboundMessage } from './accept-inbound-message';
import type { IngressDeps } from './ingress-deps';
import { sendWorkspaceRateLimited } from './send-workspace-rate-limited';
import { publicRoute } from './route-access';

export type WhatsAppWebhookDeps = IngressDeps;

type Params = { Params: { channelId: string } };

/**
 * The WhatsApp Cloud API ingress, one callback URL per channel:
 *
 * - `GET /webhooks/whatsapp/:channelId` — Meta's verification handshake: with
 *   `hub.mode=subscribe` and `hub.verify_token` equal to the channel's
 *   verifyToken (constant-time), answers 200 with `hub.challenge` as text/plain;
 *   anything else 403.
 * - `POST /webhooks/whatsapp/:channelId` — `X-Hub-Signature-256` is checked
 *   against the channel's appSecret over the raw body (401 if missing or bad,
 *   nothing stored). Every message of the payload is stored (deduped on its
 *   wamid) and enqueued; every sent/delivered/read/failed status is recorded;
 *   changes for another phone number id are skipped. Answers 200 — Meta retries
 *   anything else for days — with counts. 503 (storage or queue down) makes Meta
 *   retry, which the wamid dedupe makes safe.
 * 404 for an unknown, disabled or non-WhatsApp channel; 500 when its config is unusable.
 */
export function registerWhatsAppWebhookRoute(app: FastifyInstance, deps: WhatsAppWebhookDeps): void {
  app.get<Params>('/webhooks/whatsapp/:channelId', publicRoute("Meta's verification handshake: answers only with the channel's verify token"), async (request, reply) => {
    const found = await loadChannel(deps, request.params.channelId, reply, request.log);
    if (!found) return reply;
    const handshake = verifyWhatsAppSubscription(request.query, found.settings.verifyToken);
    if (!handshake.ok) {
      request.log.warn({ channelId: found.channel.id, reason: handshake.reason }, 'WhatsApp webhook verification refused');
      return reply.code(403).type('text/plain').send('Forbidden');
    }
    request.log.info({ channelId: found.channel.id }, 'WhatsApp webhook verified');
    return reply.code(200).type('text/plain').send(handshake.challenge);
  });

  app.post<Params>('/webhooks/whatsapp/:channelId', publicRoute("Meta's X-Hub-Signature-256 with the channel's app secret authenticates it"), async (request, reply) => {
    const found = await loadChannel(deps, request.params.channelId, reply, request.log);
    if (!found) return reply;
    const { channel, settings } = found;
    const verified = verifyWhatsAppSignature(request.rawBody ?? '', request.headers, settings.appSecret);
    if (!verified.ok) return reply.code(401).send({ error: 'invalid_signature', message: verified.reason });
    const parsed = parseWhatsAppWebhook(request.body, { phoneNumberId: settings.phoneNumberId });
    if (!parsed.ok) {
      return reply.code(400).send({ error: 'invalid_body', field: parsed.error.field, message: parsed.error.message });
    }
    if (parsed.ignored.length > 0) request.log.info({ channelId: channel.id, ignored: parsed.ignored }, 'parts of the WhatsApp webhook ignored');

    let accepted = 0;
    let duplicates = 0;
    for (const message of parsed.messages) {
      const outcome = await acceptInboundMessage(deps, channel, message, request.log);
      // Meta retries the whole POST later; the messages stored before this one are then duplicates.
      if (outcome.status === 'rate-limited') return sendWorkspaceRateLimited(reply, outcome.retryAfterSeconds);
      if (outcome.status === 'accepted') accepted += 1;
      else duplicates += 1;
    }
    for (const status of parsed.statuses) {
      await recordDeliveryStatus(deps.db, {
        channelId: channel.id,
        channelMessageId: status.channelMessageId,
        status: status.status,
        at: status.at,
        ...(status.recipient === undefined ? {} : { recipient: status.recipient }),
        ...(status.error === undefined ? {} : { error: status.error }),
      });
      if (status.status === 'failed') {
        request.log.warn({ channelId: channel.id, wamid: status.channelMessageId, error: status.error }, 'WhatsApp reports a reply failed');
      }
    }
    return reply.code(200).send({ status: 'ok', accepted, duplicates, statuses: parsed.statuses.length });
  });
}

/** The enabled WhatsApp channel with its settings, or null after answering 404/500. */
async function loadChannel(
  deps: WhatsAppWebhookDeps,
  channelId: string,
  reply: FastifyReply,
  log: FastifyInstance['log'],
): Promise<{ channel: Channel; settings: WhatsAppChannelConfig } | null> {
  const channel = await deps.channels.get(deps.db, channelId);
  if (!channel || channel.type !== 'whatsapp' || !channel.enabled) {
    void reply.code(404).send({ error: 'not_found', message: `No enabled WhatsApp channel ${channelId}` });
    return null;
  }
  const settings = parseChannelSettings(whatsappChannelConfigSchema, channel);
  if (!settings.ok) {
    log.error({ channelId, problems: settings.problems }, 'WhatsApp channel misconfigured');
    void reply.code(500).send({ error: 'channel_misconfigured', message: 'Channel configuration is incomplete' });
    return null;
  }
  return { channel, settings: settings.value };
}
