import type { TrustProxy } from './trust-proxy-schema';

/**
 * Fastify's trustProxy option for a TRUST_PROXY setting (trustProxySchema). A hop count
 * becomes "the n nearest hops", as Express reads a number: Fastify 5 itself refuses to
 * trust anything for a bare number (it cannot check the nearest peer), so the count is
 * given as a function instead; see trustProxySchema for when that is safe.
 */
export function fastifyTrustProxy(setting: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}
