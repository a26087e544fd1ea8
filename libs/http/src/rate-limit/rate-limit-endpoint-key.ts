/**
 * The endpoint a throughput limit counts against: scheme + host + port of `url`
 * (`https://api.example.com:443`), the port always written. Path and query are left out
 * on purpose: a limit per path would let one host be flooded through many paths (or
 * through ids in the path), and a receiving server's capacity is per host. Host names are
 * lower-cased by the URL parser; IPv6 hosts keep their brackets. Throws a TypeError on a
 * URL that does not parse.
 */
export function rateLimitEndpointKey(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port !== '' ? parsed.port : parsed.protocol === 'https:' ? '443' : parsed.protocol === 'http:' ? '80' : '';
  return `${parsed.protocol}//${parsed.hostname}${port === '' ? '' : `:${port}`}`;
}
