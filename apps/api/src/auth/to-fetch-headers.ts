import type { IncomingHttpHeaders } from 'node:http';

/** Node's parsed request headers as Fetch `Headers` (repeated headers appended in order). */
export function toFetchHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) result.append(name, item);
  }
  return result;
}
