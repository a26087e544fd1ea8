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
});
