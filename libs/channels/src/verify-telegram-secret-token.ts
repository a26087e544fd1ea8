import type { InboundHeaders, VerifyResult } from './channel-adapter';
import { constantTimeEqual } from './constant-time-equal';
import { readHeader } from './read-header';

export type TelegramSecretTokenFailureReason = 'missing-secret-token' | 'bad-secret-token';

/**
 * Checks the `X-Telegram-Bot-Api-Secret-Token` header Telegram adds to every
 * webhook request when setWebhook was given a `secret_token`. Compared in
 * constant time; the header name is case-insensitive. Never throws.
 * (Telegram does not sign the body: this token is its only authentication.)
 */
export function verifyTelegramSecretToken(
  headers: InboundHeaders,
  secretToken: string,
): VerifyResult<TelegramSecretTokenFailureReason> {
  const given = readHeader(headers, 'x-telegram-bot-api-secret-token');
  if (given === undefined) return { ok: false, reason: 'missing-secret-token' };
  return constantTimeEqual(given, secretToken) ? { ok: true } : { ok: false, reason: 'bad-secret-token' };
}
