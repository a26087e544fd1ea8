import { describe, expect, it } from 'vitest';
import { fastifyTrustProxy } from './fastify-trust-proxy';
import { trustProxySchema } from './trust-proxy-schema';

describe('trustProxySchema (TRUST_PROXY)', () => {
  it('reads false, true, a hop count and a list of addresses, ranges and named ranges', () => {
    expect(trustProxySchema.parse(undefined)).toBe(false);
    expect(trustProxySchema.parse('false')).toBe(false);
    expect(trustProxySchema.parse('0')).toBe(false);
    expect(trustProxySchema.parse('TRUE')).toBe(true);
    expect(trustProxySchema.parse('2')).toBe(2);
    expect(trustProxySchema.parse('10.0.0.0/8, fd00::/8,127.0.0.1 ,::1,loopback')).toEqual(['10.0.0.0/8', 'fd00::/8', '127.0.0.1', '::1', 'loopback']);
  });

  it('refuses anything else, naming the entries that are not addresses', () => {
    for (const value of ['yes', '10.0.0.0/33', '10.0.0.0/8,proxy.internal', '127.1', '10.0.0.0/255.0.0.0', '1,2']) {
      const result = trustProxySchema.safeParse(value);
      expect(result.success, value).toBe(false);
    }
    const result = trustProxySchema.safeParse('10.0.0.0/8,proxy.internal');
    expect(result.error?.issues[0]?.message).toContain('"proxy.internal"');
  });

  it('gives Fastify a hop count as "the n nearest hops" and everything else as is', () => {
    const twoHops = fastifyTrustProxy(2);
    expect(typeof twoHops).toBe('function');
    if (typeof twoHops === 'function') expect([0, 1, 2, 3].map((hop) => twoHops('192.0.2.1', hop))).toEqual([true, true, false, false]);
    expect(fastifyTrustProxy(false)).toBe(false);
    expect(fastifyTrustProxy(['loopback'])).toEqual(['loopback']);
  });
});
