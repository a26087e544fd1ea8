import { constantTimeEqual } from './constant-time-equal';

export type WhatsAppSubscriptionResult =
  | { ok: true; challenge: string }
  | { ok: false; reason: 'not-a-subscription' | 'bad-verify-token' | 'missing-challenge' };

/**
 * Meta's webhook verification handshake (`GET ...?hub.mode=subscribe&
 * hub.verify_token=...&hub.challenge=...`): accepted when the mode is
 * `subscribe` and `hub.verify_token` equals the channel's verify token
 * (constant-time); the caller then answers 200 with the challenge as the
 * plain-text body. `query` is the parsed query string (Fastify keeps the
 * dotted names as flat keys); repeated parameters are refused.
 */
export function verifyWhatsAppSubscription(query: unknown, verifyToken: string): WhatsAppSubscriptionResult {
  const mode = param(query, 'hub.mode');
  const token = param(query, 'hub.verify_token');
  const challenge = param(query, 'hub.challenge');
  if (mode !== 'subscribe') return { ok: false, reason: 'not-a-subscription' };
  if (token === undefined || !constantTimeEqual(token, verifyToken)) return { ok: false, reason: 'bad-verify-token' };
  if (challenge === undefined || challenge.length > 1000) return { ok: false, reason: 'missing-challenge' };
  return { ok: true, challenge };
}

function param(query: unknown, name: string): string | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  const value: unknown = Reflect.get(query, name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
