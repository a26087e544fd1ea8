import { describe, expect, it } from 'vitest';
import { requestOrigin } from './request-origin';

describe('requestOrigin', () => {
  it('is the Origin header, normalized', () => {
    expect(requestOrigin({ origin: 'https://Parley.Example.com:443' })).toBe('https://parley.example.com');
  });

  it("falls back to Referer's origin only when there is no Origin", () => {
    expect(requestOrigin({ referer: 'http://127.0.0.1:3000/bots/1?tab=flow' })).toBe('http://127.0.0.1:3000');
    expect(requestOrigin({ origin: 'https://evil.example', referer: 'http://127.0.0.1:3000/' })).toBe('https://evil.example');
  });

  it('is null for no header, an opaque origin or a non-http URL', () => {
    expect(requestOrigin({})).toBeNull();
    expect(requestOrigin({ origin: 'null' })).toBeNull();
    expect(requestOrigin({ origin: 'null', referer: 'http://127.0.0.1:3000/' })).toBeNull();
    expect(requestOrigin({ referer: 'file:///etc/passwd' })).toBeNull();
    expect(requestOrigin({ origin: '' })).toBeNull();
  });
});
