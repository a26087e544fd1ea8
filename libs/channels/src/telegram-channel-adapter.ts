import type { ChannelAdapter } from './channel-adapter';
import { parseTelegramUpdate } from './parse-telegram-update';
import { renderTelegramOutbound } from './render-telegram-outbound';
import { telegramChannelConfigSchema, type TelegramChannelConfig } from './telegram-channel-config';
import { verifyTelegramSecretToken } from './verify-telegram-secret-token';

/**
 * The Telegram Bot API channel: Telegram POSTs each Update to
 * `/webhooks/telegram/:channelId` with the secret token header (set with
 * setWebhook's `secret_token`), and replies go to `/bot{token}/sendMessage`.
 * One update yields at most one message.
 */
export const telegramChannelAdapter: ChannelAdapter<TelegramChannelConfig> = {
  type: 'telegram',
  configSchema: telegramChannelConfigSchema,
  verify: (request, config) => verifyTelegramSecretToken(request.headers, config.webhookSecretToken),
  parse: (body) => {
    const result = parseTelegramUpdate(body);
    if (!result.ok) return result;
    return { ok: true, messages: result.message ? [result.message] : [] };
  },
  render: (message, config) => renderTelegramOutbound(message, config),
};
