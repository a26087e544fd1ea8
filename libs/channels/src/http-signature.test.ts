import { describe, expect, it } from 'vitest';
import { generateWebhookSecret } from './generate-webhook-secret';
import { signHttpPayload } from './sign-http-payload';
import { verifyHttpSignature } from './verify-http-signature';
import { webhookSecretSchema } from './webhook-secret-schema';

const secret = generateWebhookSecret();
const body = JSON.stringify({ messageId: 'm-1', from: '+15550100', text: 'hi' });
const minutes = (n: number) => n * 60_000;

describe('generateWebhookSecret', () => {
  it('makes distinct whsec_ secrets of 32 bytes', () => {
    const other = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(other).not.toBe(secret);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(webhookSecretSchema.safeParse(secret).success).toBe(true);
  });
});

describe('signHttpPayload / verifyHttpSignature', () => {
  it('round-trips: what is signed verifies', () => {
    const headers = signHttpPayload(body, secret, 'msg_1', new Date());
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verifyHttpSignature(body, headers, secret)).toEqual({ ok: true });
  });

  it('matches the Standard Webhooks reference vector', () => {
    // From the Standard Webhooks spec's test suite.
    const headers = signHttpPayload(
      '{"test": 2432232314}',
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      new Date(1614265330 * 1000),
    );
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('rejects a forged body', () => {
    const headers = signHttpPayload(body, secret, 'msg_1', new Date());
    const forged = body.replace('hi', 'pay me');
    expect(verifyHttpSignature(forged, headers, secret)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects a forged signature and a changed message id', () => {
    const headers = signHttpPayload(body, secret, 'msg_1', new Date());
    const fake = { ...headers, 'webhook-signature': 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' };
    expect(verifyHttpSignature(body, fake, secret)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyHttpSignature(body, { ...headers, 'webhook-id': 'msg_2' }, secret)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects a signature made with another secret', () => {
    const headers = signHttpPayload(body, generateWebhookSecret(), 'msg_1', new Date());
    expect(verifyHttpSignature(body, headers, secret)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('accepts any matching v1 signature in the list (secret rotation)', () => {
    const headers = signHttpPayload(body, secret, 'msg_1', new Date());
    const old = signHttpPayload(body, generateWebhookSecret(), 'msg_1', new Date());
    const both = { ...headers, 'webhook-signature': `${old['webhook-signature']} ${headers['webhook-signature']}` };
    expect(verifyHttpSignature(body, both, secret)).toEqual({ ok: true });
  });

  it('reports each missing header', () => {
    const headers = signHttpPayload(body, secret, 'msg_1', new Date());
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const { [name]: _dropped, ...rest } = headers;
      expect(verifyHttpSignature(body, rest, secret), name).toEqual({ ok: false, reason: 'missing-headers' });
    }
    expect(verifyHttpSignature(body, {}, secret)).toEqual({ ok: false, reason: 'missing-headers' });
    expect(verifyHttpSignature(body, { ...headers, 'webhook-id': '' }, secret)).toEqual({
      ok: false,
      reason: 'missing-headers',
    });
  });

  it('reads header names case-insensitively', () => {
    const headers = signHttpPayload(body, secret, 'msg_1', new Date());
    const shouted = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
    expect(verifyHttpSignature(body, shouted, secret)).toEqual({ ok: true });
  });

  it('rejects timestamps outside the 5-minute tolerance, and garbage timestamps', () => {
    const now = Date.now();
    const old = signHttpPayload(body, secret, 'msg_1', new Date(now - minutes(6)));
    const future = signHttpPayload(body, secret, 'msg_1', new Date(now + minutes(6)));
    const recent = signHttpPayload(body, secret, 'msg_1', new Date(now - minutes(4)));
    expect(verifyHttpSignature(body, old, secret)).toEqual({ ok: false, reason: 'timestamp-too-old' });
    expect(verifyHttpSignature(body, future, secret)).toEqual({ ok: false, reason: 'timestamp-too-new' });
    expect(verifyHttpSignature(body, recent, secret)).toEqual({ ok: true });
    expect(verifyHttpSignature(body, { ...recent, 'webhook-timestamp': 'yesterday' }, secret)).toEqual({
      ok: false,
      reason: 'invalid-timestamp',
    });
  });

  it('never throws on a broken secret', () => {
    const headers = signHttpPayload(body, secret, 'msg_1', new Date());
    expect(verifyHttpSignature(body, headers, 'whsec_')).toEqual({ ok: false, reason: 'invalid-secret' });
    expect(verifyHttpSignature(body, headers, 'whsec_not base64!')).toEqual({ ok: false, reason: 'invalid-secret' });
  });
});
