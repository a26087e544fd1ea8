import { describe, expect, it } from 'vitest';
import type { ContentType } from './content-type-schema';
import type { RequestBody } from './request-body-schema';
import { isJsonTemplate, validateRequest, type RequestRules } from './validate-request';

const post: RequestRules = { method: 'POST', contentType: 'json', headers: [] };
const rules = (request: Partial<RequestRules>) => validateRequest({ ...post, ...request }).map(({ field, rule }) => ({ field, rule }));

describe('validateRequest', () => {
  it('accepts a consistent request', () => {
    expect(rules({ headers: [{ key: 'Accept', value: 'x' }], body: { type: 'key-value', pairs: [{ key: 'a', value: '1' }] } })).toEqual([]);
    expect(rules({ body: { type: 'editor', text: '{"a": {{x}}, "b": "{{y}}"}' } })).toEqual([]);
    expect(rules({ method: 'GET', contentType: 'none' })).toEqual([]);
  });

  it('reports duplicate header names (case-insensitive) and body keys', () => {
    expect(
      rules({
        headers: [{ key: 'Accept', value: 'a' }, { key: 'accept', value: 'b' }],
        body: { type: 'key-value', pairs: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }, { key: 'a', value: '3' }] },
      }),
    ).toEqual([
      { field: 'headers[1].key', rule: 'duplicate-key' },
      { field: 'body.pairs[2].key', rule: 'duplicate-key' },
    ]);
  });

  it('refuses a body with GET, HEAD or content type none', () => {
    const body: RequestBody = { type: 'editor', text: 'x' };
    expect(rules({ method: 'GET', contentType: 'text', body })).toEqual([{ field: 'body', rule: 'body-not-allowed' }]);
    expect(rules({ method: 'HEAD', contentType: 'text', body })).toEqual([{ field: 'body', rule: 'body-not-allowed' }]);
    expect(rules({ contentType: 'none', body })).toEqual([{ field: 'body', rule: 'body-not-allowed' }]);
  });

  it('matches the body mode to the content type (spec table)', () => {
    const pairs: RequestBody = { type: 'key-value', pairs: [{ key: 'a', value: '1' }] };
    const text: RequestBody = { type: 'editor', text: '<a/>' };
    const editorOnly: ContentType[] = ['raw', 'text', 'xml'];
    const pairsOnly: ContentType[] = ['url-encoded', 'form-data'];
    const mismatch = [{ field: 'body.type', rule: 'body-type-mismatch' }];
    for (const contentType of editorOnly) expect(rules({ contentType, body: pairs })).toEqual(mismatch);
    for (const contentType of pairsOnly) expect(rules({ contentType, body: text })).toEqual(mismatch);
    for (const contentType of editorOnly) expect(rules({ contentType, body: text })).toEqual([]);
    const pairsToo: ContentType[] = [...pairsOnly, 'json'];
    for (const contentType of pairsToo) expect(rules({ contentType, body: pairs })).toEqual([]);
  });

  it('checks JSON and XML editor bodies once placeholders are filled', () => {
    expect(rules({ body: { type: 'editor', text: '{"a": 1,}' } })).toEqual([{ field: 'body.text', rule: 'invalid-json' }]);
    expect(rules({ contentType: 'xml', body: { type: 'editor', text: '<a>{{x}}</a><b/>' } })).toEqual([{ field: 'body.text', rule: 'invalid-xml' }]);
    expect(rules({ contentType: 'xml', body: { type: 'editor', text: '<s:Envelope xmlns:s="u"><s:Body>{{x}}</s:Body></s:Envelope>' } })).toEqual([]);
  });

  it('refuses a Content-Type header with form data', () => {
    expect(rules({ contentType: 'form-data', headers: [{ key: 'content-type', value: 'x' }] })).toEqual([{ field: 'headers[0].key', rule: 'header-not-allowed' }]);
  });
});

describe('isJsonTemplate', () => {
  it('accepts placeholders as values or inside strings, optionally requiring an object', () => {
    expect(isJsonTemplate('{"a": {{x}}, "b": "{{y}} z"}')).toBe(true);
    expect(isJsonTemplate('[{{x}}]')).toBe(true);
    expect(isJsonTemplate('[{{x}}]', true)).toBe(false);
    expect(isJsonTemplate('{"a": {{x}} }', true)).toBe(true);
    expect(isJsonTemplate('{a: 1}')).toBe(false);
  });
});
