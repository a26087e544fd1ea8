import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** A web chat visitor's credential: `wct2.<visitorId>.<issued at, epoch seconds>.<base64url HMAC-SHA256>`. */
export type WebchatVisitor = { visitorId: string; token: string };

export type WebchatTokenFailureReason = 'missing-token' | 'malformed-token' | 'bad-signature' | 'expired';

/** How long a visitor token is accepted after it was issued (the widget then starts a new conversation). */
export const defaultVisitorTokenMaxAgeMs = 30 * 24 * 3_600_000;

const version = 'wct2';
const issuedAtPattern = /^\d{1,12}$/;
const visitorIdPattern = /^v_[A-Za-z0-9_-]{22}$/;
const signaturePattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new anonymous visitor of `channelId`: a random id (128 bits) and its
 * signed token. The id becomes the contact of the visitor's messages.
 */
export function issueWebchatVisitor(secretKey: string, channelId: string, now: number = Date.now()): WebchatVisitor {
  const visitorId = `v_${randomBytes(16).toString('base64url')}`;
  return { visitorId, token: signWebchatVisitorToken(secretKey, channelId, visitorId, now) };
}

/**
 * The token for `visitorId` on `channelId`: an HMAC over both under a key
 * derived (HKDF) from the platform secret key, so it cannot be forged without
 * that key and a token for one channel is worthless on another. The token carries the
 * time it was issued (`now`, epoch ms) under the signature: it expires (see
 * verifyWebchatVisitorToken); rotating PARLEY_SECRET_KEY invalidates all of them.
 * Visitors whose token is refused start a new conversation.
 */
export function signWebchatVisitorToken(secretKey: string, channelId: string, visitorId: string, now: number = Date.now()): string {
  const issuedAt = String(Math.floor(now / 1_000));
  return `${version}.${visitorId}.${issuedAt}.${signature(secretKey, channelId, visitorId, issuedAt)}`;
}

/**
 * Checks a token for `channelId` in constant time; returns the visitor id it names. Never
 * throws. Refused: another spelling of a token (only the canonical base64url is one),
 * a token of the old format without an issue time, and one issued more than `maxAgeMs`
 * (default 30 days) before `now` or in the future (`expired`).
 */
export function verifyWebchatVisitorToken(
  secretKey: string,
  channelId: string,
  token: string | undefined,
  options: { now?: number; maxAgeMs?: number } = {},
): { ok: true; visitorId: string } | { ok: false; reason: WebchatTokenFailureReason } {
  if (token === undefined || token === '') return { ok: false, reason: 'missing-token' };
  const parts = token.split('.');
  const [tag, visitorId, issuedAt, given] = parts;
  if (
    parts.length !== 4 ||
    tag !== version ||
    !visitorId ||
    !issuedAt ||
    !given ||
    !visitorIdPattern.test(visitorId) ||
    !issuedAtPattern.test(issuedAt) ||
    !signaturePattern.test(given)
  ) {
    return { ok: false, reason: 'malformed-token' };
  }
  const expected = Buffer.from(signature(secretKey, channelId, visitorId, issuedAt), 'base64url');
  const actual = Buffer.from(given, 'base64url');
  // One spelling only: base64url's last character carries 2 unused bits, so four strings
  // decode to the same 32 bytes; only the canonical one is the token.
  if (actual.toString('base64url') !== given) return { ok: false, reason: 'malformed-token' };
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'bad-signature' };
  const age = (options.now ?? Date.now()) - Number(issuedAt) * 1_000;
  // A minute of clock skew between API processes is tolerated for tokens "from the future".
  if (age > (options.maxAgeMs ?? defaultVisitorTokenMaxAgeMs) || age < -60_000) return { ok: false, reason: 'expired' };
  return { ok: true, visitorId };
}

const keys = new Map<string, Buffer>();

/** HKDF-SHA256 of the platform key for this one purpose (cached per key). */
function tokenKey(secretKey: string): Buffer {
  let key = keys.get(secretKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secretKey, 'parley', 'webchat visitor token v2', 32));
    keys.set(secretKey, key);
  }
  return key;
}

function signature(secretKey: string, channelId: string, visitorId: string, issuedAt: string): string {
  return createHmac('sha256', tokenKey(secretKey)).update(`${channelId}\n${visitorId}\n${issuedAt}`).digest('base64url');
}
