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
