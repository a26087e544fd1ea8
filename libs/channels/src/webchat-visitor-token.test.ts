import { describe, expect, it } from 'vitest';
import { issueWebchatVisitor, signWebchatVisitorToken, verifyWebchatVisitorToken } from './webchat-visitor-token';

const key = 'a'.repeat(64);
const otherKey = 'b'.repeat(64);

describe('web chat visitor tokens', () => {
  it('verifies a token it issued, naming the visitor', () => {
    const visitor = issueWebchatVisitor(key, 'channel-1');
    expect(visitor.visitorId).toMatch(/^v_[A-Za-z0-9_-]{22}$/);
    expect(visitor.token).toBe(signWebchatVisitorToken(key, 'channel-1', visitor.visitorId));
    expect(verifyWebchatVisitorToken(key, 'channel-1', visitor.token)).toEqual({ ok: true, visitorId: visitor.visitorId });
  });

  it('issues a different visitor every time', () => {
    expect(issueWebchatVisitor(key, 'c').visitorId).not.toBe(issueWebchatVisitor(key, 'c').visitorId);
  });

  it('refuses a token signed with another key, for another channel, or altered', () => {
    const { visitorId, token } = issueWebchatVisitor(key, 'channel-1');
    expect(verifyWebchatVisitorToken(key, 'channel-1', signWebchatVisitorToken(otherKey, 'channel-1', visitorId))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebchatVisitorToken(key, 'channel-2', token)).toEqual({ ok: false, reason: 'bad-signature' });
    const someoneElse = issueWebchatVisitor(key, 'channel-1').visitorId;
    expect(verifyWebchatVisitorToken(key, 'channel-1', token.replace(visitorId, someoneElse))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses missing and malformed tokens without throwing', () => {
    expect(verifyWebchatVisitorToken(key, 'c', undefined)).toEqual({ ok: false, reason: 'missing-token' });
    expect(verifyWebchatVisitorToken(key, 'c', '')).toEqual({ ok: false, reason: 'missing-token' });
    for (const token of ['x', 'wct1.v_x.y', 'wct2.v_AAAAAAAAAAAAAAAAAAAAAA.' + 'A'.repeat(43), 'wct1.v_AAAAAAAAAAAAAAAAAAAAAA.' + 'A'.repeat(42), 'a.b.c.d']) {
      expect(verifyWebchatVisitorToken(key, 'c', token)).toEqual({ ok: false, reason: 'malformed-token' });
    }
  });

  it('accepts one spelling of a token only: other base64 spellings of the same signature are refused', () => {
    const { token } = issueWebchatVisitor(key, 'chan-1');
    const last = token.slice(-1);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = alphabet.indexOf(last);
    // The last character's two low bits are padding: these spell the same 32 bytes.
    const others = [0, 1, 2, 3].map((low) => alphabet[(index & ~3) | low]).filter((character) => character !== last);
    expect(others).toHaveLength(3);
    for (const character of others) {
      const respelled = `${token.slice(0, -1)}${character}`;
      expect(verifyWebchatVisitorToken(key, 'chan-1', respelled)).toEqual({ ok: false, reason: 'malformed-token' });
    }
    expect(verifyWebchatVisitorToken(key, 'chan-1', token).ok).toBe(true);
  });

  it('refuses a token older than its maximum age, one from the future, and one of the old format without an issue time', () => {
    const issued = Date.UTC(2026, 0, 1);
    const { token } = issueWebchatVisitor(key, 'chan-1', issued);
    const day = 24 * 3_600_000;
    expect(verifyWebchatVisitorToken(key, 'chan-1', token, { now: issued + 29 * day }).ok).toBe(true);
    expect(verifyWebchatVisitorToken(key, 'chan-1', token, { now: issued + 31 * day })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebchatVisitorToken(key, 'chan-1', token, { now: issued + 2 * day, maxAgeMs: day })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebchatVisitorToken(key, 'chan-1', token, { now: issued - 10 * 60_000 })).toEqual({ ok: false, reason: 'expired' });
    // The old format (wct1.<visitor>.<signature>): no expiry, not accepted any more.
    const [, visitorId, , signature] = token.split('.');
    expect(verifyWebchatVisitorToken(key, 'chan-1', `wct1.${visitorId}.${signature}`, { now: issued })).toEqual({ ok: false, reason: 'malformed-token' });
  });
});
