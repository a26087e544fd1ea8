import { describe, expect, it } from 'vitest';
import { isWebchatOriginAllowed, webchatChannelConfigSchema } from './webchat-channel-config';

describe('web chat channel config', () => {
  it('takes exact origins or "*", with a default title', () => {
    expect(webchatChannelConfigSchema.parse({ allowedOrigins: ['https://shop.example', 'http://127.0.0.1:8080', '*'] })).toEqual({
      allowedOrigins: ['https://shop.example', 'http://127.0.0.1:8080', '*'],
      title: 'Chat',
    });
  });

  it('refuses origins with a path, a trailing slash, upper case, a default port or another scheme, and an empty list', () => {
    for (const origin of ['https://shop.example/', 'https://shop.example/chat', 'https://Shop.example', 'https://shop.example:443', 'ftp://shop.example', 'shop.example']) {
      expect(webchatChannelConfigSchema.safeParse({ allowedOrigins: [origin] }).success, origin).toBe(false);
    }
    expect(webchatChannelConfigSchema.safeParse({ allowedOrigins: [] }).success).toBe(false);
  });

  it('allows listed origins, "*" and requests without an Origin header', () => {
    const config = { allowedOrigins: ['https://shop.example'] };
    expect(isWebchatOriginAllowed(config, 'https://shop.example')).toBe(true);
    expect(isWebchatOriginAllowed(config, 'https://evil.example')).toBe(false);
    expect(isWebchatOriginAllowed(config, 'https://shop.example:8443')).toBe(false);
    expect(isWebchatOriginAllowed(config, 'null')).toBe(false);
    expect(isWebchatOriginAllowed(config, undefined)).toBe(true);
    expect(isWebchatOriginAllowed({ allowedOrigins: ['*'] }, 'https://any.example')).toBe(true);
  });
});
