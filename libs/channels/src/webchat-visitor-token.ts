import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** A web chat visitor's credential: `wct2.<visitorId>.<issued at, epoch seconds>.<base64url HMAC-SHA256>`. */
export type WebchatVisitor = { visitorId: string; token: string };

export type WebchatTokenFailureReason = 'missing-token' | 'malformed-token' | 'bad-signature' | 'expired';

/** A verified credential: the visitor it names and when it was issued (epoch ms). */
export type WebchatCredentialCheck = { ok: true; visitorId: string; issuedAt: number } | { ok: false; reason: WebchatTokenFailureReason };

/** How long a visitor token is accepted after it was issued (the widget then starts a new conversation). */
export const defaultVisitorTokenMaxAgeMs = 30 * 24 * 3_600_000;

/** How long an event-stream ticket opens streams after it was issued. */
export const webchatStreamTicketTtlMs = 60_000;

/** One kind of signed visitor credential: its tag, its own key (HKDF info) and how long it lives. */
type CredentialKind = { tag: string; info: string };

/** The long-lived visitor token (Authorization: Bearer on every web chat call). */
const visitorToken: CredentialKind = { tag: 'wct2', info: 'webchat visitor token v2' };
/** The short-lived ticket the event stream takes in its URL (EventSource cannot send headers). */
const streamTicket: CredentialKind = { tag: 'wcs1', info: 'webchat stream ticket v1' };

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
  return signCredential(visitorToken, secretKey, channelId, visitorId, now);
}

/**
 * Checks a token for `channelId` in constant time; returns the visitor id it names and
 * its issue time. Never throws. Refused: another spelling of a token (only the canonical
 * base64url is one), a token of the old format without an issue time, and one issued
 * more than `maxAgeMs` (default 30 days) before `now` or in the future (`expired`).
 * Revocation (a channel's cut-off, a visitor's own sign-out) is checked by the caller
 * against `issuedAt`.
 */
export function verifyWebchatVisitorToken(
  secretKey: string,
  channelId: string,
  token: string | undefined,
  options: { now?: number; maxAgeMs?: number } = {},
): WebchatCredentialCheck {
  return verifyCredential(visitorToken, secretKey, channelId, token, options.now ?? Date.now(), options.maxAgeMs ?? defaultVisitorTokenMaxAgeMs);
}

/**
 * A ticket that opens `visitorId`'s event streams on `channelId` for
 * webchatStreamTicketTtlMs (`wcs1.<visitorId>.<issued at>.<sig>`, under a key of its
 * own): the stream URL carries this instead of the long-lived visitor token, so a URL
 * that ends up in a proxy's log or the browser's history is worthless a minute later.
 */
export function signWebchatStreamTicket(secretKey: string, channelId: string, visitorId: string, now: number = Date.now()): string {
  return signCredential(streamTicket, secretKey, channelId, visitorId, now);
}

/** Checks a stream ticket as verifyWebchatVisitorToken checks a token, with webchatStreamTicketTtlMs as its life. */
export function verifyWebchatStreamTicket(secretKey: string, channelId: string, ticket: string | undefined, options: { now?: number } = {}): WebchatCredentialCheck {
  return verifyCredential(streamTicket, secretKey, channelId, ticket, options.now ?? Date.now(), webchatStreamTicketTtlMs);
}

function signCredential(kind: CredentialKind, secretKey: string, channelId: string, visitorId: string, now: number): string {
  const issuedAt = String(Math.floor(now / 1_000));
  return `${kind.tag}.${visitorId}.${issuedAt}.${signature(kind, secretKey, channelId, visitorId, issuedAt)}`;
}

function verifyCredential(
  kind: CredentialKind,
  secretKey: string,
  channelId: string,
  token: string | undefined,
  now: number,
  maxAgeMs: number,
): WebchatCredentialCheck {
  if (token === undefined || token === '') return { ok: false, reason: 'missing-token' };
  const parts = token.split('.');
  const [tag, visitorId, issuedAt, given] = parts;
  if (
    parts.length !== 4 ||
    tag !== kind.tag ||
    !visitorId ||
    !issuedAt ||
    !given ||
    !visitorIdPattern.test(visitorId) ||
    !issuedAtPattern.test(issuedAt) ||
    !signaturePattern.test(given)
  ) {
    return { ok: false, reason: 'malformed-token' };
  }
  const expected = Buffer.from(signature(kind, secretKey, channelId, visitorId, issuedAt), 'base64url');
  const actual = Buffer.from(given, 'base64url');
  // One spelling only: base64url's last character carries 2 unused bits, so four strings
  // decode to the same 32 bytes; only the canonical one is the token.
  if (actual.toString('base64url') !== given) return { ok: false, reason: 'malformed-token' };
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'bad-signature' };
  const issuedAtMs = Number(issuedAt) * 1_000;
  const age = now - issuedAtMs;
  // A minute of clock skew between API processes is tolerated for tokens "from the future".
  if (age > maxAgeMs || age < -60_000) return { ok: false, reason: 'expired' };
  return { ok: true, visitorId, issuedAt: issuedAtMs };
}

const keys = new Map<string, Buffer>();

/** HKDF-SHA256 of the platform key for one kind of credential (cached per key and kind). */
function credentialKey(kind: CredentialKind, secretKey: string): Buffer {
  const cacheKey = `${kind.info}\n${secretKey}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secretKey, 'parley', kind.info, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

function signature(kind: CredentialKind, secretKey: string, channelId: string, visitorId: string, issuedAt: string): string {
  return createHmac('sha256', credentialKey(kind, secretKey)).update(`${channelId}\n${visitorId}\n${issuedAt}`).digest('base64url');
}

