import { describe, expect, it } from 'vitest';
import {
  issueWebchatVisitor,
  signWebchatStreamTicket,
  signWebchatVisitorToken,
  verifyWebchatStreamTicket,
  verifyWebchatVisitorToken,
  webchatStreamTicketTtlMs,
} from './webchat-visitor-token';

const key = 'a'.repeat(64);
const otherKey = 'b'.repeat(64);

describe('web chat visitor tokens', () => {
  it('verifies a token it issued, naming the visitor and the second it was issued', () => {
    const now = Date.UTC(2026, 11, 6, 12, 0, 0, 500);
    const visitor = issueWebchatVisitor(key, 'channel-1', now);
    expect(visitor.visitorId).toMatch(/^v_[A-Za-z0-9_-]{22}$/);
    expect(visitor.token).toBe(signWebchatVisitorToken(key, 'channel-1', visitor.visitorId, now));
    expect(verifyWebchatVisitorToken(key, 'channel-1', visitor.token, { now })).toEqual({ ok: true, visitorId: visitor.visitorId, issuedAt: now - 500 });
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

describe('web chat stream tickets', () => {
  it('open streams for a minute, for their visitor and channel only', () => {
    const issued = Date.UTC(2026, 11, 6);
    const { visitorId } = issueWebchatVisitor(key, 'chan-1', issued);
    const ticket = signWebchatStreamTicket(key, 'chan-1', visitorId, issued);
    expect(ticket.startsWith('wcs1.')).toBe(true);
    expect(verifyWebchatStreamTicket(key, 'chan-1', ticket, { now: issued + webchatStreamTicketTtlMs - 1_000 })).toEqual({ ok: true, visitorId, issuedAt: issued });
    expect(verifyWebchatStreamTicket(key, 'chan-1', ticket, { now: issued + webchatStreamTicketTtlMs + 1_000 })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebchatStreamTicket(key, 'chan-2', ticket, { now: issued })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('are not visitor tokens, and visitor tokens are not tickets', () => {
    const issued = Date.UTC(2026, 11, 6);
    const { visitorId, token } = issueWebchatVisitor(key, 'chan-1', issued);
    const ticket = signWebchatStreamTicket(key, 'chan-1', visitorId, issued);
    expect(verifyWebchatVisitorToken(key, 'chan-1', ticket, { now: issued })).toEqual({ ok: false, reason: 'malformed-token' });
    expect(verifyWebchatStreamTicket(key, 'chan-1', token, { now: issued })).toEqual({ ok: false, reason: 'malformed-token' });
    // The same visitor and time under the other kind's tag: its own key, so the signature does not carry over.
    expect(verifyWebchatStreamTicket(key, 'chan-1', token.replace('wct2.', 'wcs1.'), { now: issued })).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
