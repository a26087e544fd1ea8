import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('hides the values of secret-bearing query parameters and keeps the rest', () => {
    expect(redactUrl('/webhooks/whatsapp/c1?hub.mode=subscribe&hub.verify_token=s3cr3t&hub.challenge=42')).toBe(
      '/webhooks/whatsapp/c1?hub.mode=subscribe&hub.verify_token=[redacted]&hub.challenge=42',
    );
    expect(redactUrl('/webchat/c1/events?token=abc.def&lastEventId=7')).toBe('/webchat/c1/events?token=[redacted]&lastEventId=7');
    expect(redactUrl('/x?api%5Fkey=1&ticket=2&Signature=3')).toBe('/x?api%5Fkey=[redacted]&ticket=[redacted]&Signature=[redacted]');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });
});
