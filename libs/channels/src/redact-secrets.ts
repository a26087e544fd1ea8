import { asObject } from './json-fields';

/** Secrets shorter than this are not redacted (they would match ordinary words). */
const MIN_SECRET_LENGTH = 8;

/**
 * `text` with every string value of `secrets` (a channel's decrypted secrets)
 * replaced by `[redacted]`. For error messages and logs about outbound calls:
 * a Telegram bot token is part of the request URL, which @parley/http names in
 * its errors.
 */
export function redactSecrets(text: string, secrets: unknown): string {
  const values = Object.values(asObject(secrets) ?? {})
    .filter((value): value is string => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  return values.reduce((redacted, secret) => redacted.split(secret).join('[redacted]'), text);
}
