import { Webhook } from 'standardwebhooks';

/** The three Standard Webhooks headers that authenticate one message. */
export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/**
 * Signs `rawBody` the Standard Webhooks way: HMAC-SHA256 over
 * `${msgId}.${unixSeconds}.${rawBody}` with the secret's key, sent as
 * `webhook-signature: v1,<base64>`. The receiver must verify against the exact
 * same body bytes, so sign the string you send.
 * `msgId` should be stable across retries of one message (receivers dedupe on it).
 * Throws if `secret` is not a valid `whsec_<base64>` secret (a configuration bug).
 */
export function signHttpPayload(rawBody: string, secret: string, msgId: string, timestamp: Date): WebhookHeaders {
  const signature = new Webhook(secret).sign(msgId, timestamp, rawBody);
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': signature,
  };
}
