import type { OutboundMessage } from './outbound-message';
import { signHttpPayload, type WebhookHeaders } from './sign-http-payload';

/** The HTTP channel's reply body, as the receiver gets it (JSON). */
export type HttpOutboundBody = Pick<OutboundMessage, 'to' | 'text' | 'buttons' | 'sessionId'> & {
  /** The reply's idempotency key: identical across delivery retries. */
  messageId: string;
};

export type RenderedHttpOutbound = {
  body: string;
  headers: WebhookHeaders & { 'content-type': 'application/json' };
};

/**
 * Renders one reply for the generic HTTP channel: a JSON body
 * `{ messageId, to, text, buttons?, sessionId }` and Standard Webhooks signature
 * headers, with `webhook-id` = `idempotencyKey` so the receiver can dedupe retries.
 * Render once per delivery attempt: the signature carries `now`, and receivers
 * reject timestamps older than 5 minutes.
 * Throws if `secret` is not a valid `whsec_` secret.
 */
export function renderHttpOutbound(message: OutboundMessage, secret: string, now: Date = new Date()): RenderedHttpOutbound {
  const payload: HttpOutboundBody = {
    messageId: message.idempotencyKey,
    to: message.to,
    text: message.text,
    ...(message.buttons && message.buttons.length > 0
      ? { buttons: message.buttons.map((button) => ({ label: button.label })) }
      : {}),
    sessionId: message.sessionId,
  };
  const body = JSON.stringify(payload);
  return {
    body,
    headers: { 'content-type': 'application/json', ...signHttpPayload(body, secret, message.idempotencyKey, now) },
  };
}
