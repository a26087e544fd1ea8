import { describe, expect, it } from 'vitest';
import { builtInAttributes, isInboundAttribute, type AttributeDeclaration } from '../attribute-declaration-schema';
import { httpRequestCallSchema, type HttpResponseResult } from '../calls/http-request-call';
import { elementOutcomeSchema, type ElementOutcome } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import { apiElement } from './index';
import { apiAttributeRefs, apiPorts, resumeApi, runApi, validateApi } from './run';
import { apiSchema, type Api } from './schema';

const api = (config: Record<string, unknown>): Api => apiSchema.parse({ id: 'call', type: 'api', url: 'https://shop.example/orders/{{orderId}}', ...config });
const context = testContext({ attributes: { orderId: 'A 1', lastReceivedMessage: 'hi', token: 'secret' } });
const waitFor: WaitFor = { kind: 'call.result', timeoutSeconds: 40 };
const response = (status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): ResumeEvent => ({
  type: 'call.result',
  ok: true,
  result: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body), attempts: 2 } satisfies HttpResponseResult,
});

function validationContext(declared: AttributeDeclaration[] = []): ValidationContext {
  const declarations = Object.fromEntries([...builtInAttributes, ...declared].map((declaration) => [declaration.name, declaration]));
  return { declarations, dialogs: [{ id: 'main', name: 'Main' }], components: [], isInbound: isInboundAttribute, scope: { kind: 'bot' } };
}

function callOf(outcome: ElementOutcome) {
  expect(elementOutcomeSchema.safeParse(outcome).error).toBeUndefined();
  const effect = outcome.effects[0];
  if (effect?.type !== 'call' || effect.call.name !== 'http.request') throw new Error('expected one http.request call');
  expect(httpRequestCallSchema.safeParse(effect.call).error).toBeUndefined();
  return effect.call;
}

describe('api schema', () => {
  it('applies the defaults of the spec', () => {
    expect(api({})).toEqual({
      id: 'call',
      type: 'api',
      method: 'GET',
      url: 'https://shop.example/orders/{{orderId}}',
      escapeUrlParameters: false,
      contentType: 'none',
      headers: [],
      response: { headers: [], body: [] },
      timeoutSeconds: 10,
      retries: 0,
    });
  });

  it('enforces every limit', () => {
    const ok = (config: Record<string, unknown>): boolean => apiSchema.safeParse({ id: 'call', type: 'api', url: 'https://x.example', ...config }).success;
    for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']) expect(ok({ method })).toBe(true);
    expect(ok({ method: 'OPTIONS' })).toBe(false);
    expect(ok({ timeoutSeconds: 1 })).toBe(true);
    expect(ok({ timeoutSeconds: 60 })).toBe(true);
    expect(ok({ timeoutSeconds: 0 })).toBe(false);
    expect(ok({ timeoutSeconds: 61 })).toBe(false);
    expect(ok({ timeoutSeconds: 1.5 })).toBe(false);
    expect(ok({ retries: 3 })).toBe(true);
    expect(ok({ retries: 4 })).toBe(false);
    expect(ok({ retries: -1 })).toBe(false);
    expect(ok({ url: '{{base}}/x' })).toBe(true);
    expect(ok({ url: 'ftp://x.example' })).toBe(false);
    expect(ok({ url: 'x.example/path' })).toBe(false);
    expect(ok({ url: `https://x.example/${'a'.repeat(2048)}` })).toBe(false);
    for (const contentType of ['none', 'raw', 'json', 'text', 'xml', 'url-encoded', 'form-data']) expect(ok({ contentType })).toBe(true);
    expect(ok({ contentType: 'yaml' })).toBe(false);
    expect(ok({ headers: [{ key: 'Accept Language', value: 'x' }] })).toBe(false);
    expect(ok({ headers: [{ key: 'X', value: 'x'.repeat(4097) }] })).toBe(false);
    expect(ok({ headers: Array.from({ length: 51 }, (_, index) => ({ key: `X-${index}`, value: '' })) })).toBe(false);
    expect(ok({ body: { type: 'key-value', pairs: [] } })).toBe(false);
    expect(ok({ body: { type: 'editor', text: 'x'.repeat(65_537) } })).toBe(false);
    expect(ok({ body: { type: 'file' } })).toBe(false);
    expect(ok({ mtlsCertificateId: '' })).toBe(false);
    expect(ok({ response: { saveStatusCodeAs: 'not valid' } })).toBe(false);
    expect(ok({ response: { body: [{ attribute: 'a', path: 'a..b' }] } })).toBe(false);
    expect(ok({ response: { body: [{ attribute: 'a', path: 'a.b', xmlMode: 'list' }] } })).toBe(true);
    expect(ok({ response: { body: [{ attribute: 'a', path: 'a', xmlMode: 'html' }] } })).toBe(false);
    expect(ok({ fallback: { action: { type: 'port' } } })).toBe(true);
    expect(ok({ timeout: 10 })).toBe(false);
  });
});

describe('api run', () => {
  it('emits the http.request call and waits for its result', () => {
    const outcome = runApi(api({ retries: 2, timeoutSeconds: 5, mtlsCertificateId: 'cert-1', headers: [{ key: 'Authorization', value: 'Bearer {{token}}' }] }), context);
    expect(outcome).toMatchObject({ kind: 'wait', waitFor: { kind: 'call.result', timeoutSeconds: 5 * 3 + 5 * 2 + 30 }, attributes: {} });
    expect(callOf(outcome)).toEqual({
      name: 'http.request',
      purpose: 'api',
      method: 'GET',
      url: 'https://shop.example/orders/A%201',
      headers: { Authorization: 'Bearer secret' },
      timeoutMs: 5000,
      retries: 2,
      mtlsCertificateId: 'cert-1',
    });
  });

  it('escapes URL parameters when asked', () => {
    const outcome = runApi(api({ url: 'https://shop.example/search?q={{q}}', escapeUrlParameters: true }), testContext({ attributes: { q: 'a&b=c d' } }));
    expect(callOf(outcome).url).toBe('https://shop.example/search?q=a%26b%3Dc%20d');
    const raw = runApi(api({ url: 'https://shop.example/search?q={{q}}' }), testContext({ attributes: { q: 'a&b=c d' } }));
    expect(callOf(raw).url).toBe('https://shop.example/search?q=a&b=c%20d');
  });

  it('never fills inbound attributes into the request', () => {
    const outcome = runApi(api({ url: 'https://shop.example/echo?m={{lastReceivedMessage}}' }), context);
    expect(callOf(outcome).url).toBe('https://shop.example/echo?m=');
  });

  it('takes the fallback without a call when the request cannot be built, status 0', () => {
    const element = api({ url: '{{base}}/x', response: { saveStatusCodeAs: 'code' }, fallback: { action: { type: 'port' } } });
    expect(runApi(element, context)).toEqual({ kind: 'fallback', fallback: { action: { type: 'port' } }, effects: [], attributes: { code: 0 } });
    expect(runApi(api({ url: '{{base}}/x' }), context)).toEqual({ kind: 'fallback', effects: [], attributes: {} });
  });
});

describe('api result', () => {
  const element = api({
    response: {
      saveStatusCodeAs: 'code',
      headers: [{ attribute: 'requestId', header: 'x-REQUEST-id' }],
      body: [
        { attribute: 'status', path: 'order.status' },
        { attribute: 'firstItem', path: 'order.items.0.name' },
        { attribute: 'items', path: 'order.items' },
      ],
    },
    fallback: { message: { text: 'The shop is not answering.' }, action: { type: 'dialog', dialogId: 'main' } },
  });
  const order = { order: { status: 'shipped', items: [{ name: 'Tea' }, { name: 'Cake' }] } };

  it('maps a 2xx response to attributes and continues through next', () => {
    const outcome = resumeApi(element, waitFor, response(200, order, { 'Content-Type': 'application/json', 'X-Request-Id': 'r-9' }), context);
    expect(outcome).toEqual({
      kind: 'continue',
      port: 'next',
      effects: [],
      attributes: { code: 200, requestId: 'r-9', status: 'shipped', firstItem: 'Tea', items: order.order.items },
    });
    expect(elementOutcomeSchema.safeParse(outcome).success).toBe(true);
  });

  it('saves only the status code of a non-2xx response, then takes the fallback', () => {
    for (const status of [301, 404, 500, 503]) {
      expect(resumeApi(element, waitFor, response(status, { error: 'x' }), context)).toEqual({
        kind: 'fallback',
        fallback: element.fallback,
        effects: [],
        attributes: { code: status },
      });
    }
  });

  it('takes the fallback with status 0 when no response arrived, the wait timed out or the result is malformed', () => {
    const expected = { kind: 'fallback', fallback: element.fallback, effects: [], attributes: { code: 0 } };
    expect(resumeApi(element, waitFor, { type: 'call.result', ok: false, error: { code: 'timeout', message: 'Timed out after 4 attempts.' } }, context)).toEqual(expected);
    expect(resumeApi(element, waitFor, { type: 'timeout' }, context)).toEqual(expected);
    expect(resumeApi(element, waitFor, { type: 'call.result', ok: true, result: { status: 'ok' } }, context)).toEqual(expected);
  });
});

describe('api ports, refs and validation', () => {
  it('has a fallback port only with a port fallback', () => {
    expect(apiPorts(api({}))).toEqual(['next']);
    expect(apiPorts(api({ fallback: { action: { type: 'port' } } }))).toEqual(['next', 'fallback']);
    expect(apiElement.ports(api({ fallback: { action: { type: 'end' } } }))).toEqual(['next']);
  });

  it('reports reads at their request fields and writes at the response fields', () => {
    const element = api({
      method: 'POST',
      contentType: 'json',
      headers: [{ key: 'Authorization', value: 'Bearer {{token}}' }],
      body: { type: 'key-value', pairs: [{ key: '{{k}}', value: '{{v.x}}' }] },
      response: { saveStatusCodeAs: 'code', headers: [{ attribute: 'h', header: 'X' }], body: [{ attribute: 'b', path: 'a' }] },
      fallback: { message: { text: 'Sorry {{name}}' }, action: { type: 'end' } },
    });
    expect(apiAttributeRefs(element).map(({ name, access, path }) => ({ name, access, path }))).toEqual([
      { name: 'orderId', access: 'read', path: ['url'] },
      { name: 'token', access: 'read', path: ['headers', 0, 'value'] },
      { name: 'k', access: 'read', path: ['body', 'pairs', 0, 'key'] },
      { name: 'v', access: 'read', path: ['body', 'pairs', 0, 'value'] },
      { name: 'code', access: 'write', path: ['response', 'saveStatusCodeAs'] },
      { name: 'h', access: 'write', path: ['response', 'headers', 0, 'attribute'] },
      { name: 'b', access: 'write', path: ['response', 'body', 0, 'attribute'] },
      { name: 'name', access: 'read', path: ['fallback', 'message', 'text'] },
    ]);
  });

  it('rejects inbound attributes and lastReceivedMessage anywhere in the request, naming the field', () => {
    const element = api({
      method: 'POST',
      url: 'https://x.example/{{endUserDestination}}',
      contentType: 'json',
      headers: [{ key: 'X-Channel', value: '{{channel}}' }],
      body: { type: 'editor', text: '{"m": "{{lastReceivedMessage}}", "s": {{sessionId}}}' },
      fallback: { message: { text: 'You said {{lastReceivedMessage}}' }, action: { type: 'end' } },
    });
    const issues = validateApi(element, validationContext());
    expect(issues.map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'url', rule: 'inbound-attribute-in-request' },
      { field: 'headers[0].value', rule: 'inbound-attribute-in-request' },
      { field: 'body.text', rule: 'inbound-attribute-in-request' },
      { field: 'body.text', rule: 'inbound-attribute-in-request' },
    ]);
    expect(issues[2]?.message).toContain('{{lastReceivedMessage}}');
  });

  it('reports request rules and the fallback target', () => {
    const element = api({
      method: 'GET',
      contentType: 'json',
      headers: [{ key: 'Accept', value: 'a' }, { key: 'ACCEPT', value: 'b' }],
      body: { type: 'editor', text: '{}' },
      fallback: { action: { type: 'dialog', dialogId: 'nowhere' } },
    });
    expect(validateApi(element, validationContext()).map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'headers[1].key', rule: 'duplicate-key' },
      { field: 'body', rule: 'body-not-allowed' },
      { field: 'fallback.action.dialogId', rule: 'unknown-dialog' },
    ]);
  });
});
