import type { AttributeRef } from '../attribute-ref-schema';
import { placeholderRefs } from '../placeholder-refs';
import type { Header } from './header-list-schema';
import type { RequestBody } from './request-body-schema';

/** The Request-tab fields that may hold placeholders. */
export type RequestTemplates = {
  readonly url?: string | undefined;
  readonly headers: readonly Header[];
  readonly body?: RequestBody | undefined;
};

/** Read refs of every placeholder in the URL, header values and body (keys, values, text), at their fields. */
export function requestRefs(request: RequestTemplates): AttributeRef[] {
  const refs: AttributeRef[] = request.url === undefined ? [] : placeholderRefs(request.url, ['url']);
  request.headers.forEach((header, index) => refs.push(...placeholderRefs(header.value, ['headers', index, 'value'])));
  const body = request.body;
  if (body?.type === 'editor') refs.push(...placeholderRefs(body.text, ['body', 'text']));
  if (body?.type === 'key-value') {
    body.pairs.forEach((pair, index) => {
      refs.push(...placeholderRefs(pair.key, ['body', 'pairs', index, 'key']));
      refs.push(...placeholderRefs(pair.value, ['body', 'pairs', index, 'value']));
    });
  }
  return refs;
}

/** `['body', 'pairs', 1, 'key']` → 'body.pairs[1].key' (ElementIssue.field format). */
export function formatField(path: readonly (string | number)[]): string {
  return path.reduce<string>((field, segment) => (typeof segment === 'number' ? `${field}[${segment}]` : field === '' ? segment : `${field}.${segment}`), '');
}
