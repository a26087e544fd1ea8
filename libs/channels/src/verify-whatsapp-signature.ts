import { createHmac } from 'node:crypto';
import type { InboundHeaders, VerifyResult } from './channel-adapter';
import { constantTimeEqual } from './constant-time-equal';
import { readHeader } from './read-header';

export type WhatsAppSignatureFailureReason = 'missing-signature' | 'bad-signature';

/** `sha256=<hex HMAC-SHA256 of rawBody keyed with the app secret>`, as Meta sends it in X-Hub-Signature-256. */
export function signWhatsAppPayload(rawBody: string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody, 'utf8').digest('hex')}`;
}

/**
 * Verifies Meta's `X-Hub-Signature-256: sha256=<hex>` header over the exact
 * body bytes received (before JSON parsing: re-serialized JSON would not match).
 * The header name is case-insensitive, the hex digest is compared in constant
 * time, ignoring hex case. Never throws.
 */
export function verifyWhatsAppSignature(
  rawBody: string,
  headers: InboundHeaders,
  appSecret: string,
): VerifyResult<WhatsAppSignatureFailureReason> {
  const header = readHeader(headers, 'x-hub-signature-256');
  if (header === undefined) return { ok: false, reason: 'missing-signature' };
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match?.[1]) return { ok: false, reason: 'bad-signature' };
  return constantTimeEqual(`sha256=${match[1].toLowerCase()}`, signWhatsAppPayload(rawBody, appSecret))
    ? { ok: true }
    : { ok: false, reason: 'bad-signature' };
}
