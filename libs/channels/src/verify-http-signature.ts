import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { InboundHeaders, VerifyResult } from './channel-adapter';

export type SignatureFailureReason =
  | 'missing-headers'
  | 'invalid-timestamp'
  | 'timestamp-too-old'
  | 'timestamp-too-new'
  | 'bad-signature'
  | 'invalid-secret';

/**
 * Verifies a Standard Webhooks signed request (headers `webhook-id`,
 * `webhook-timestamp`, `webhook-signature`; header names case-insensitive).
 *
 * Contract:
 * - `rawBody` must be the exact bytes received, before any JSON parsing.
 * - Accepts when any `v1,` signature in the (space-separated) header matches,
 *   compared in constant time; so senders may rotate secrets.
 * - Rejects timestamps more than 5 minutes from now either way (the
 *   library's tolerance) to limit replays; the inbox dedupes within that window.
 * - Never throws: a secret that is not `whsec_<base64>` yields `invalid-secret`
 *   (a channel misconfiguration the caller should log).
 */
export function verifyHttpSignature(
  rawBody: string,
  headers: InboundHeaders,
  secret: string,
): VerifyResult<SignatureFailureReason> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signature = header(headers, 'webhook-signature');
  if (id === undefined || timestamp === undefined || signature === undefined) {
    return { ok: false, reason: 'missing-headers' };
  }
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'invalid-timestamp' };

  let webhook: Webhook;
  try {
    webhook = new Webhook(secret);
  } catch {
    return { ok: false, reason: 'invalid-secret' };
  }
  try {
    webhook.verify(
      rawBody,
      { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature },
      { jsonParse: false },
    );
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

/** A single non-empty header value, looked up case-insensitively; repeated headers count as missing. */
function header(headers: InboundHeaders, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return typeof value === 'string' && value !== '' ? value : undefined;
  }
  return undefined;
}

/** Maps standardwebhooks 1.1.x messages (pinned in package.json; tests pin the mapping). */
function reasonOf(error: unknown): SignatureFailureReason {
  if (!(error instanceof WebhookVerificationError)) return 'bad-signature';
  if (error.message === 'Message timestamp too old') return 'timestamp-too-old';
  if (error.message === 'Message timestamp too new') return 'timestamp-too-new';
  if (error.message === 'Invalid Signature Headers') return 'invalid-timestamp';
  if (error.message === 'Missing required headers') return 'missing-headers';
  return 'bad-signature';
}
