/** Query parameters whose values are secrets: tokens, tickets, signatures, keys, passwords, WhatsApp's verify token. */
const secretParameter = /token|ticket|secret|signature|password|key|auth|verify/i;

/**
 * A request URL as it may be logged: the value of every secret-bearing query parameter
 * (`?token=`, `hub.verify_token=`, ...) replaced by `[redacted]`, the rest as sent.
 */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const redacted = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return equals >= 0 && secretParameter.test(decoded) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, query)}?${redacted}`;
}
