export type {
  ChannelAdapter,
  ChannelType,
  InboundHeaders,
  InboundRequest,
  OutboundRequestSpec,
  ParseError,
  ParseResult,
  VerifyResult,
} from './channel-adapter';
export { generateWebhookSecret } from './generate-webhook-secret';
export { httpChannelAdapter, httpChannelConfigSchema, type HttpChannelConfig } from './http-channel-adapter';
export { inboundMessageSchema, type InboundMessage } from './inbound-message';
export { outboundButtonSchema, outboundMessageSchema, type OutboundButton, type OutboundMessage } from './outbound-message';
export { httpInboundBodySchema, parseHttpInbound, type HttpInboundBody, type HttpInboundResult } from './parse-http-inbound';
export { renderHttpOutbound, type HttpOutboundBody, type RenderedHttpOutbound } from './render-http-outbound';
export { signHttpPayload, type WebhookHeaders } from './sign-http-payload';
export { verifyHttpSignature, type SignatureFailureReason } from './verify-http-signature';
export { webhookSecretSchema, type WebhookSecret } from './webhook-secret-schema';

// WhatsApp Cloud API and Telegram Bot API channels
export { ChannelRenderError, type ChannelRenderErrorReason } from './channel-render-error';
export { generateWebhookToken } from './generate-webhook-token';
export {
  parseChannelSettings,
  renderOutboundRequest,
  type OutboundChannel,
  type OutboundChannelType,
} from './render-outbound-request';
export { readProviderResponse, type ProviderResponse } from './read-provider-response';
export { redactSecrets } from './redact-secrets';
export {
  whatsappChannelConfigSchema,
  whatsappConfigSchema,
  whatsappSecretsSchema,
  type WhatsAppChannelConfig,
  type WhatsAppConfig,
  type WhatsAppSecrets,
} from './whatsapp-channel-config';
export { whatsappChannelAdapter } from './whatsapp-channel-adapter';
export {
  parseWhatsAppWebhook,
  whatsappDeliveryStatusSchema,
  type ParseWhatsAppWebhookOptions,
  type WhatsAppDeliveryStatus,
  type WhatsAppInboundMessage,
  type WhatsAppMessagePayload,
  type WhatsAppStatusUpdate,
  type WhatsAppWebhookResult,
} from './parse-whatsapp-webhook';
export { renderWhatsAppOutbound, whatsappLimits, type WhatsAppSendBody } from './render-whatsapp-outbound';
export { signWhatsAppPayload, verifyWhatsAppSignature, type WhatsAppSignatureFailureReason } from './verify-whatsapp-signature';
export { verifyWhatsAppSubscription, type WhatsAppSubscriptionResult } from './verify-whatsapp-subscription';
export {
  telegramChannelConfigSchema,
  telegramConfigSchema,
  telegramSecretsSchema,
  type TelegramChannelConfig,
  type TelegramConfig,
  type TelegramSecrets,
} from './telegram-channel-config';
export { telegramChannelAdapter } from './telegram-channel-adapter';
export {
  parseTelegramUpdate,
  type TelegramInboundMessage,
  type TelegramMessagePayload,
  type TelegramUpdateResult,
} from './parse-telegram-update';
export { renderTelegramOutbound, telegramMaxText, type TelegramSendMessageBody } from './render-telegram-outbound';
export { verifyTelegramSecretToken, type TelegramSecretTokenFailureReason } from './verify-telegram-secret-token';

// Web chat (embeddable widget; served by the API, no provider API)
export {
  isWebchatOriginAllowed,
  webchatChannelConfigSchema,
  webchatOriginSchema,
  type WebchatChannelConfig,
} from './webchat-channel-config';
export {
  defaultVisitorTokenMaxAgeMs,
  issueWebchatVisitor,
  signWebchatStreamTicket,
  signWebchatVisitorToken,
  verifyWebchatStreamTicket,
  verifyWebchatVisitorToken,
  webchatStreamTicketTtlMs,
  type WebchatCredentialCheck,
  type WebchatTokenFailureReason,
  type WebchatVisitor,
} from './webchat-visitor-token';
export { parseWebchatInbound, webchatInboundBodySchema, type WebchatInboundBody, type WebchatInboundMessage } from './webchat-inbound';
export {
  parseWebchatDeliveredNotice,
  toWebchatTranscriptEntry,
  webchatDeliveredNoticeSchema,
  webchatEventsChannel,
  type WebchatDeliveredNotice,
  type WebchatTranscriptEntry,
} from './webchat-events';
