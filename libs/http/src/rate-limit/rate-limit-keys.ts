/**
 * The two Redis keys of one (endpoint, source) pair: the endpoint's schedule, shared by
 * every sender, and this source's schedule for the endpoint. Both carry the endpoint in
 * a `{hash tag}`, so a Redis Cluster keeps them in one slot (the script touches both).
 */
export function rateLimitKeys(keyPrefix: string, endpointKey: string, sourceKey: string): [endpoint: string, endpointSource: string] {
  const tag = `{${endpointKey.replace(/[{}]/g, '_')}}`;
  return [`${keyPrefix}:rate:${tag}`, `${keyPrefix}:rate:${tag}:src:${sourceKey}`];
}
