import { describe, expect, it } from 'vitest';
import { httpRequestCallSchema } from '../calls/http-request-call';
import { contentTypeSchema, type ContentType } from './content-type-schema';
import { buildHeaders, buildHttpRequest, type HttpRequestConfig, type HttpTransport } from './build-http-request';
import { renderJsonTemplate } from './render-json-template';
import { renderUrl } from './render-url';

const attributes = {
  name: 'Ana "A" Novak',
  age: 31,
  vip: true,
  tags: ['a', 'b'],
  order: { id: 'A-1', total: 7.5 },
  query: 'tea & cake/ü',
  base: 'https://api.example.com',
  nl: 'x\r\nInjected: 1',
};
const transport: HttpTransport = { purpose: 'api', timeoutMs: 10_000, retries: 2 };
const get: HttpRequestConfig = { method: 'GET', url: 'https://api.example.com/users', contentType: 'none', headers: [] };

function built(config: Partial<HttpRequestConfig>) {
  const result = buildHttpRequest({ ...get, ...config }, attributes, transport);
  if (!result.ok) throw new Error(result.problem.message);
  expect(httpRequestCallSchema.safeParse(result.call).error).toBeUndefined();
  return result.call;
}

describe('renderUrl', () => {
  it('fills placeholders as they are without escaping, normalizing the URL', () => {
    expect(renderUrl('https://x.example/q?name={{name}}', attributes, false)).toEqual({ ok: true, url: 'https://x.example/q?name=Ana%20%22A%22%20Novak' });
    expect(renderUrl('https://x.example/s?q={{query}}', attributes, false)).toEqual({ ok: true, url: 'https://x.example/s?q=tea%20&%20cake/%C3%BC' });
  });

  it('percent-encodes filled values with escaping, except a placeholder that starts the URL', () => {
    expect(renderUrl('{{base}}/s?q={{query}}&n={{age}}', attributes, true)).toEqual({
      ok: true,
      url: 'https://api.example.com/s?q=tea%20%26%20cake%2F%C3%BC&n=31',
    });
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(renderUrl('{{missing}}/x', attributes, false).ok).toBe(false);
    expect(renderUrl('{{query}}', attributes, false).ok).toBe(false);
    const ftp = renderUrl('{{u}}', { u: 'ftp://x.example/a?secret=1' }, false);
    expect(ftp).toEqual({ ok: false, message: 'The URL must use http or https, not "ftp".' });
  });
});

describe('renderJsonTemplate', () => {
  it('escapes values inside strings and keeps types outside them', () => {
    const text = renderJsonTemplate('{"n": "Hi {{name}}", "age": {{age}}, "vip": {{vip}}, "tags": {{tags}}, "o": {{order}}, "m": {{missing}}, "id": "{{order.id}}"}', attributes);
    expect(JSON.parse(text)).toEqual({ n: 'Hi Ana "A" Novak', age: 31, vip: true, tags: ['a', 'b'], o: { id: 'A-1', total: 7.5 }, m: null, id: 'A-1' });
  });

  it('tracks escaped quotes in the template', () => {
    expect(JSON.parse(renderJsonTemplate('{"a": "say \\"{{age}}\\"", "b": {{age}}}', attributes))).toEqual({ a: 'say "31"', b: 31 });
  });
});

describe('buildHeaders', () => {
  it('puts the predefined Content-Type first and lets a configured one replace it (any case)', () => {
    expect(buildHeaders('json', [{ key: 'Accept', value: 'application/json' }], attributes)).toEqual({
      ok: true,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    });
    expect(buildHeaders('raw', [{ key: 'content-type', value: 'text/xml' }], attributes)).toEqual({ ok: true, headers: { 'content-type': 'text/xml' } });
    expect(buildHeaders('json', [{ key: 'CONTENT-TYPE', value: 'application/vnd.api+json' }], attributes)).toEqual({
      ok: true,
      headers: { 'CONTENT-TYPE': 'application/vnd.api+json' },
    });
  });

  it('predefines the header of each content type', () => {
    const contentType = (type: ContentType) => {
      const result = buildHeaders(type, [], attributes);
      return result.ok ? result.headers['Content-Type'] : 'refused';
    };
    expect(contentTypeSchema.options.map(contentType)).toEqual([
      undefined,
      undefined,
      'application/json',
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      undefined,
    ]);
  });

  it('fills placeholders in values and refuses line breaks', () => {
    expect(buildHeaders('none', [{ key: 'X-Age', value: 'v{{age}}' }], attributes)).toEqual({ ok: true, headers: { 'X-Age': 'v31' } });
    expect(buildHeaders('none', [{ key: 'X-Bad', value: '{{nl}}' }], attributes)).toEqual({ ok: false, message: 'The value of header "X-Bad" contains a line break.' });
  });

  it('drops Content-Type with form-data: the executor writes it with the boundary', () => {
    expect(buildHeaders('form-data', [{ key: 'Content-Type', value: 'x' }, { key: 'A', value: '1' }], attributes)).toEqual({ ok: true, headers: { A: '1' } });
  });
});

describe('buildHttpRequest', () => {
  it('builds a GET without a body, with the transport fields', () => {
    expect(built({ url: 'https://api.example.com/users/{{order.id}}' })).toEqual({
      name: 'http.request',
      purpose: 'api',
      method: 'GET',
      url: 'https://api.example.com/users/A-1',
      headers: {},
      timeoutMs: 10_000,
      retries: 2,
    });
  });

  it('passes mTLS and rate limits through', () => {
    const result = buildHttpRequest(get, attributes, { ...transport, mtlsCertificateId: 'cert-1', rateLimit: { perEndpoint: 100, perEndpointPerSource: 50 } });
    expect(result.ok && result.call.mtlsCertificateId).toBe('cert-1');
    expect(result.ok && result.call.rateLimit).toEqual({ perEndpoint: 100, perEndpointPerSource: 50 });
  });

  it('json key-value: an object; a value that is one placeholder keeps its type, missing is null', () => {
    const call = built({
      method: 'POST',
      contentType: 'json',
      body: {
        type: 'key-value',
        pairs: [
          { key: 'name', value: '{{name}}' },
          { key: 'age', value: '{{ age }}' },
          { key: 'tags', value: '{{tags}}' },
          { key: 'order', value: '{{order}}' },
          { key: 'label', value: 'Age {{age}}' },
          { key: 'gone', value: '{{missing}}' },
          { key: 'k-{{order.id}}', value: '42' },
        ],
      },
    });
    expect(call.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(call.body?.kind).toBe('text');
    expect(call.body?.kind === 'text' && JSON.parse(call.body.text)).toEqual({
      name: 'Ana "A" Novak',
      age: 31,
      tags: ['a', 'b'],
      order: { id: 'A-1', total: 7.5 },
      label: 'Age 31',
      gone: null,
      'k-A-1': '42',
    });
  });

  it('json editor: JSON-safe filling', () => {
    const call = built({ method: 'PUT', contentType: 'json', body: { type: 'editor', text: '{"who": "{{name}}", "age": {{age}}}' } });
    expect(call.body).toEqual({ kind: 'text', text: '{"who": "Ana \\"A\\" Novak", "age": 31}' });
  });

  it('url-encoded: form encoding of filled pairs', () => {
    const call = built({
      method: 'POST',
      contentType: 'url-encoded',
      body: { type: 'key-value', pairs: [{ key: 'grant_type', value: 'client_credentials' }, { key: 'q', value: '{{query}}' }] },
    });
    expect(call.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(call.body).toEqual({ kind: 'text', text: 'grant_type=client_credentials&q=tea+%26+cake%2F%C3%BC' });
  });

  it('form-data: parts for the executor, no Content-Type header', () => {
    const call = built({ method: 'POST', contentType: 'form-data', body: { type: 'key-value', pairs: [{ key: 'name', value: '{{name}}' }, { key: 'n', value: '{{age}}' }] } });
    expect(call.headers).toEqual({});
    expect(call.body).toEqual({ kind: 'form-data', parts: [{ name: 'name', value: 'Ana "A" Novak' }, { name: 'n', value: '31' }] });
  });

  it('xml editor: values XML-escaped; raw and text: as they are', () => {
    const xml = built({ method: 'POST', contentType: 'xml', body: { type: 'editor', text: '<a n="{{name}}">{{query}}</a>' } });
    expect(xml.body).toEqual({ kind: 'text', text: '<a n="Ana &quot;A&quot; Novak">tea &amp; cake/ü</a>' });
    expect(xml.headers).toEqual({ 'Content-Type': 'application/xml' });
    const raw = built({ method: 'POST', contentType: 'raw', headers: [{ key: 'Content-Type', value: 'text/xml' }], body: { type: 'editor', text: '<a>{{query}}</a>' } });
    expect(raw.body).toEqual({ kind: 'text', text: '<a>tea & cake/ü</a>' });
    expect(raw.headers).toEqual({ 'Content-Type': 'text/xml' });
    const text = built({ method: 'PATCH', contentType: 'text', body: { type: 'editor', text: 'Hi {{name}}' } });
    expect(text).toMatchObject({ method: 'PATCH', headers: { 'Content-Type': 'text/plain' }, body: { kind: 'text', text: 'Hi Ana "A" Novak' } });
  });

  it('refuses configs validate rejects, and bad URLs or headers', () => {
    const refused = (config: Partial<HttpRequestConfig>) => {
      const result = buildHttpRequest({ ...get, ...config }, attributes, transport);
      return result.ok ? 'sent' : result.problem;
    };
    expect(refused({ body: { type: 'editor', text: 'x' }, contentType: 'text' })).toEqual({ code: 'invalid-request', message: 'A GET request cannot have a body.' });
    expect(refused({ method: 'HEAD', body: { type: 'editor', text: 'x' }, contentType: 'text' })).toMatchObject({ code: 'invalid-request' });
    expect(refused({ method: 'POST', body: { type: 'editor', text: 'x' }, contentType: 'none' })).toEqual({
      code: 'invalid-request',
      message: 'Content type "none" takes no body.',
    });
    expect(refused({ method: 'POST', contentType: 'url-encoded', body: { type: 'editor', text: 'a=1' } })).toEqual({
      code: 'invalid-request',
      message: 'Content type "url-encoded" does not take editor text.',
    });
    expect(refused({ url: '{{missing}}' })).toMatchObject({ code: 'invalid-request' });
    expect(refused({ headers: [{ key: 'X', value: '{{nl}}' }] })).toMatchObject({ code: 'invalid-request' });
    expect(refused({ method: 'DELETE', contentType: 'json', body: { type: 'editor', text: '{}' } })).toBe('sent');
  });
});
