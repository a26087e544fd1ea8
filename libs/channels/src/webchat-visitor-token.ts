import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** A web chat visitor's credential: `wct1.<visitorId>.<base64url HMAC-SHA256>`. */
export type WebchatVisitor = { visitorId: string; token: string };

export type WebchatTokenFailureReason = 'missing-token' | 'malformed-token' | 'bad-signature';

const version = 'wct1';
const visitorIdPattern = /^v_[A-Za-z0-9_-]{22}$/;
const signaturePattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new anonymous visitor of `channelId`: a random id (128 bits) and its
 * signed token. The id becomes the contact of the visitor's messages.
 */
export function issueWebchatVisitor(secretKey: string, channelId: string): WebchatVisitor {
  const visitorId = `v_${randomBytes(16).toString('base64url')}`;
  return { visitorId, token: signWebchatVisitorToken(secretKey, channelId, visitorId) };
}

/**
 * The token for `visitorId` on `channelId`: an HMAC over both under a key
 * derived (HKDF) from the platform secret key, so it cannot be forged without
 * that key and a token for one channel is worthless on another. Tokens do not
 * expire; rotating PARLEY_SECRET_KEY invalidates all of them (visitors then
 * start a new conversation).
 */
export function signWebchatVisitorToken(secretKey: string, channelId: string, visitorId: string): string {
  return `${version}.${visitorId}.${signature(secretKey, channelId, visitorId)}`;
}

/** Checks a token for `channelId` in constant time; returns the visitor id it names. Never throws. */
export function verifyWebchatVisitorToken(
  secretKey: string,
  channelId: string,
  token: string | undefined,
): { ok: true; visitorId: string } | { ok: false; reason: WebchatTokenFailureReason } {
  if (token === undefined || token === '') return { ok: false, reason: 'missing-token' };
  const parts = token.split('.');
  const [tag, visitorId, given] = parts;
  if (parts.length !== 3 || tag !== version || !visitorId || !given || !visitorIdPattern.test(visitorId) || !signaturePattern.test(given)) {
    return { ok: false, reason: 'malformed-token' };
  }
  const expected = Buffer.from(signature(secretKey, channelId, visitorId), 'base64url');
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'bad-signature' };
  return { ok: true, visitorId };
}

const keys = new Map<string, Buffer>();

/** HKDF-SHA256 of the platform key for this one purpose (cached per key). */
function tokenKey(secretKey: string): Buffer {
  let key = keys.get(secretKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secretKey, 'parley', 'webchat visitor token v1', 32));
    keys.set(secretKey, key);
  }
  return key;
}

function signature(secretKey: string, channelId: string, visitorId: string): string {
  return createHmac('sha256', tokenKey(secretKey)).update(`${channelId}\n${visitorId}`).digest('base64url');
}
