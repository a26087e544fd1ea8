import type { ChannelAdapter } from './channel-adapter';
import { parseWhatsAppWebhook } from './parse-whatsapp-webhook';
import { renderWhatsAppOutbound } from './render-whatsapp-outbound';
import { verifyWhatsAppSignature } from './verify-whatsapp-signature';
import { whatsappChannelConfigSchema, type WhatsAppChannelConfig } from './whatsapp-channel-config';

/**
 * The WhatsApp Cloud API channel: Meta POSTs signed webhooks to
 * `/webhooks/whatsapp/:channelId` (after a GET verification handshake, see
 * `verifyWhatsAppSubscription`), and replies go to the Graph API's
 * `/{version}/{phone-number-id}/messages`. `parse` yields the messages only;
 * the ingress uses `parseWhatsAppWebhook` directly to also get the delivery
 * statuses and to filter by phone number id.
 */
export const whatsappChannelAdapter: ChannelAdapter<WhatsAppChannelConfig> = {
  type: 'whatsapp',
  configSchema: whatsappChannelConfigSchema,
  verify: (request, config) => verifyWhatsAppSignature(request.rawBody, request.headers, config.appSecret),
  parse: (body) => {
    const result = parseWhatsAppWebhook(body);
    return result.ok ? { ok: true, messages: result.messages } : result;
  },
  render: (message, config) => renderWhatsAppOutbound(message, config),
};
