import { randomBytes } from 'node:crypto';

/**
 * A fresh random token of 43 URL-safe characters (`A-Z a-z 0-9 _ -`, 32 random
 * bytes): usable as a WhatsApp verify token and as a Telegram webhook
 * `secret_token` (which allows only those characters, 1–256 of them).
 */
export function generateWebhookToken(): string {
  return randomBytes(32).toString('base64url');
}
