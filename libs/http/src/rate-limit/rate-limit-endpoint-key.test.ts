import { describe, expect, it } from 'vitest';
import { rateLimitEndpointKey } from './rate-limit-endpoint-key';

describe('rateLimitEndpointKey', () => {
  it('is scheme + host + port, the default port written out', () => {
    expect(rateLimitEndpointKey('https://CRM.Example.com/hooks/orders?id=7')).toBe('https://crm.example.com:443');
    expect(rateLimitEndpointKey('http://crm.example.com/a')).toBe('http://crm.example.com:80');
    expect(rateLimitEndpointKey('http://127.0.0.1:8080/x#y')).toBe('http://127.0.0.1:8080');
    expect(rateLimitEndpointKey('https://[::1]:8443/')).toBe('https://[::1]:8443');
  });

  it('gives one key for every path and query of a host', () => {
    expect(rateLimitEndpointKey('https://api.example.com/orders/1')).toBe(rateLimitEndpointKey('https://api.example.com:443/customers?q=2'));
  });

  it('throws on a URL that does not parse', () => {
    expect(() => rateLimitEndpointKey('not a url')).toThrow(TypeError);
  });
});
