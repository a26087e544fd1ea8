import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signWhatsAppPayload, verifyWhatsAppSignature } from './verify-whatsapp-signature';
import { verifyWhatsAppSubscription } from './verify-whatsapp-subscription';

const rawBody = readFileSync(join(import.meta.dirname, 'fixtures', 'whatsapp-text-message.json'), 'utf8');
const appSecret = 'e0b7f1c2d3a4b5c6d7e8f9a0b1c2d3e4';

describe('signWhatsAppPayload / verifyWhatsAppSignature (X-Hub-Signature-256)', () => {
  it('matches a published HMAC-SHA256 vector', () => {
    // HMAC-SHA256("test", key "secret"), as in the whatsapp_sdk (Elixir) docs.
    expect(signWhatsAppPayload('test', 'secret')).toBe('sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914');
  });

  it('accepts the signature of the exact raw body, header name and hex case-insensitive', () => {
    const signature = signWhatsAppPayload(rawBody, appSecret);
    expect(verifyWhatsAppSignature(rawBody, { 'x-hub-signature-256': signature }, appSecret)).toEqual({ ok: true });
    expect(verifyWhatsAppSignature(rawBody, { 'X-Hub-Signature-256': signature.toUpperCase().replace('SHA256=', 'sha256=') }, appSecret)).toEqual({
      ok: true,
    });
  });

  it('refuses the same JSON re-serialized: signatures cover bytes, not values', () => {
    const signature = signWhatsAppPayload(rawBody, appSecret);
    const reserialized = JSON.stringify(JSON.parse(rawBody));
    expect(verifyWhatsAppSignature(reserialized, { 'x-hub-signature-256': signature }, appSecret)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a forged body, another secret, a malformed or a missing header', () => {
    const signature = signWhatsAppPayload(rawBody, appSecret);
    expect(verifyWhatsAppSignature(rawBody.replace('color', 'colour'), { 'x-hub-signature-256': signature }, appSecret)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyWhatsAppSignature(rawBody, { 'x-hub-signature-256': signWhatsAppPayload(rawBody, 'other') }, appSecret)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    for (const header of [signature.slice('sha256='.length), `sha1=${signature.slice(7)}`, 'sha256=xyz', `${signature}00`]) {
      expect(verifyWhatsAppSignature(rawBody, { 'x-hub-signature-256': header }, appSecret), header).toEqual({ ok: false, reason: 'bad-signature' });
    }
    expect(verifyWhatsAppSignature(rawBody, {}, appSecret)).toEqual({ ok: false, reason: 'missing-signature' });
    expect(verifyWhatsAppSignature(rawBody, { 'x-hub-signature-256': [signature, signature] }, appSecret)).toEqual({
      ok: false,
      reason: 'missing-signature',
    });
  });
});

describe('verifyWhatsAppSubscription (GET hub.* handshake)', () => {
  const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'meatyhamhock', 'hub.challenge': '1158201444' };

  it('answers the challenge when mode and verify token match', () => {
    expect(verifyWhatsAppSubscription(query, 'meatyhamhock')).toEqual({ ok: true, challenge: '1158201444' });
  });

  it('refuses a wrong or missing token, another mode, a missing challenge', () => {
    expect(verifyWhatsAppSubscription(query, 'other')).toEqual({ ok: false, reason: 'bad-verify-token' });
    expect(verifyWhatsAppSubscription({ ...query, 'hub.verify_token': undefined }, 'meatyhamhock')).toEqual({ ok: false, reason: 'bad-verify-token' });
    expect(verifyWhatsAppSubscription({ ...query, 'hub.mode': 'unsubscribe' }, 'meatyhamhock')).toEqual({ ok: false, reason: 'not-a-subscription' });
    expect(verifyWhatsAppSubscription({ ...query, 'hub.challenge': '' }, 'meatyhamhock')).toEqual({ ok: false, reason: 'missing-challenge' });
    expect(verifyWhatsAppSubscription({ ...query, 'hub.verify_token': ['meatyhamhock', 'x'] }, 'meatyhamhock')).toEqual({
      ok: false,
      reason: 'bad-verify-token',
    });
    expect(verifyWhatsAppSubscription(undefined, 'meatyhamhock')).toEqual({ ok: false, reason: 'not-a-subscription' });
  });
});
