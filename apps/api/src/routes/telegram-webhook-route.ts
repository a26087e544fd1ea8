import type { FastifyInstance } from 'fastify';
import { parseChannelSettings, parseTelegramUpdate, telegramChannelConfigSchema, verifyTelegramSecretToken } from '@parley/channels';
import { acceptInboundMessage } from './accept-inbound-message';
import type { IngressDeps } from './ingress-deps';
import { sendWorkspaceRateLimited } from './send-workspace-rate-limited';
import { publicRoute } from './route-access';

export type TelegramWebhookDeps = IngressDeps;

/**
 * POST /webhooks/telegram/:channelId — the Telegram Bot API ingress (the URL
 * given to setWebhook, with `secret_token`).
 * Contract: `X-Telegram-Bot-Api-Secret-Token` must equal the channel's
 * webhookSecretToken (constant-time; 401 otherwise, nothing stored). A message
 * or callback query is stored (deduped on the update_id) and enqueued: 200
 * `accepted` or `duplicate`. Edited messages and other update types are
 * acknowledged with 200 `ignored` and logged, so Telegram does not redeliver
 * them. A body that is not an Update answers 400; 503 when storage or queue is
 * down, so Telegram retries. 404 for an unknown, disabled or non-Telegram
 * channel; 500 when its config is unusable.
 */
export function registerTelegramWebhookRoute(app: FastifyInstance, deps: TelegramWebhookDeps): void {
  app.post<{ Params: { channelId: string } }>('/webhooks/telegram/:channelId', publicRoute("Telegram's secret token header (the channel's webhookSecretToken) authenticates it"), async (request, reply) => {
    const { channelId } = request.params;
    const channel = await deps.channels.get(deps.db, channelId);
    if (!channel || channel.type !== 'telegram' || !channel.enabled) {
      return reply.code(404).send({ error: 'not_found', message: `No enabled Telegram channel ${channelId}` });
    }
    const settings = parseChannelSettings(telegramChannelConfigSchema, channel);
    if (!settings.ok) {
      request.log.error({ channelId, problems: settings.problems }, 'Telegram channel misconfigured');
      return reply.code(500).send({ error: 'channel_misconfigured', message: 'Channel configuration is incomplete' });
    }
    const verified = verifyTelegramSecretToken(request.headers, settings.value.webhookSecretToken);
    if (!verified.ok) return reply.code(401).send({ error: 'invalid_secret_token', message: verified.reason });
    const parsed = parseTelegramUpdate(request.body);
    if (!parsed.ok) {
      return reply.code(400).send({ error: 'invalid_body', field: parsed.error.field, message: parsed.error.message });
    }
    if (!parsed.message) {
      request.log.info({ channelId, reason: parsed.ignored }, 'Telegram update ignored');
      return reply.code(200).send({ status: 'ignored' });
    }
    const outcome = await acceptInboundMessage(deps, channel, parsed.message, request.log);
    if (outcome.status === 'rate-limited') return sendWorkspaceRateLimited(reply, outcome.retryAfterSeconds);
    return reply.code(200).send(outcome);
  });
}
