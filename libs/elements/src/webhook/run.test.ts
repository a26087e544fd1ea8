import { describe, expect, it } from 'vitest';
import { builtInAttributes, isInboundAttribute, type AttributeDeclaration } from '../attribute-declaration-schema';
import { httpRequestCallSchema } from '../calls/http-request-call';
import { elementOutcomeSchema } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import { webhookElement } from './index';
import { buildWebhookRequest, resumeWebhook, runWebhook, validateWebhook, webhookAttributeRefs } from './run';
import { webhookSchema, type Webhook } from './schema';

const webhook = (config: Record<string, unknown> = {}): Webhook =>
  webhookSchema.parse({ id: 'notify', type: 'webhook', url: 'https://crm.example/hooks/order', ...config });
const attributes = { sessionId: 's-42', hookUrl: 'https://hooks.example/in?x=1', orderId: 'A-1', total: 7.5, name: 'Ana "A"' };
const context = testContext({ attributes });
const waitFor: WaitFor = { kind: 'call.result', timeoutSeconds: 40 };

function validation(declared: AttributeDeclaration[]): ValidationContext {
  const declarations = Object.fromEntries([...builtInAttributes, ...declared].map((declaration) => [declaration.name, declaration]));
  return { declarations, dialogs: [], components: [], isInbound: isInboundAttribute, scope: { kind: 'bot' } };
}

describe('webhook schema', () => {
  it('has the spec fields with defaults', () => {
    expect(webhook()).toEqual({ id: 'notify', type: 'webhook', urlType: 'static', url: 'https://crm.example/hooks/order', method: 'POST', headers: [] });
    const ok = (config: Record<string, unknown>): boolean => webhookSchema.safeParse({ id: 'w', type: 'webhook', ...config }).success;
    expect(ok({ method: 'PUT' })).toBe(true);
    expect(ok({ method: 'GET' })).toBe(false);
    expect(ok({ urlType: 'dynamic', urlAttribute: 'hookUrl' })).toBe(true);
    expect(ok({ urlType: 'sometimes' })).toBe(false);
    expect(ok({ url: 'https://x.example/{{id}}' })).toBe(false);
    expect(ok({ url: 'ftp://x.example' })).toBe(false);
    expect(ok({ sessionIdParameter: '' })).toBe(false);
    expect(ok({ body: '' })).toBe(false);
    expect(ok({ body: 'x'.repeat(65_537) })).toBe(false);
    expect(ok({ saveStatusCodeAs: 'code' })).toBe(true);
  });
});

describe('webhook run', () => {
  it('sends a static URL with a JSON body, the session id parameter and the rate limits', () => {
    const element = webhook({ sessionIdParameter: 'chatSession', body: '{"order": "{{orderId}}", "total": {{total}}, "who": "{{name}}"}' });
    const outcome = runWebhook(element, context);
    expect(outcome).toMatchObject({ kind: 'wait', waitFor: { kind: 'call.result', timeoutSeconds: 40 }, attributes: {} });
    expect(elementOutcomeSchema.safeParse(outcome).error).toBeUndefined();
    const effect = outcome.effects[0];
    expect(effect?.type === 'call' && httpRequestCallSchema.parse(effect.call)).toEqual({
      name: 'http.request',
      purpose: 'webhook',
      method: 'POST',
      url: 'https://crm.example/hooks/order',
      headers: { 'Content-Type': 'application/json' },
      body: { kind: 'text', text: '{"order":"A-1","total":7.5,"who":"Ana \\"A\\"","chatSession":"s-42"}' },
      timeoutMs: 10_000,
      retries: 0,
      rateLimit: { perEndpoint: 100, perEndpointPerSource: 50 },
    });
  });

  it('reads a dynamic URL from its attribute; the session id alone makes the body', () => {
    const built = buildWebhookRequest(webhook({ urlType: 'dynamic', url: undefined, urlAttribute: 'hookUrl', sessionIdParameter: 'sid', method: 'PUT' }), attributes);
    expect(built.ok && built.call).toMatchObject({ method: 'PUT', url: 'https://hooks.example/in?x=1', body: { kind: 'text', text: '{"sid":"s-42"}' } });
  });

  it('sends no body when there is neither body nor session id parameter', () => {
    const built = buildWebhookRequest(webhook(), attributes);
    expect(built.ok && built.call.body).toBeUndefined();
  });

  it('does not send when the URL or body is unusable; saves status 0 and continues', () => {
    const element = webhook({ urlType: 'dynamic', url: undefined, urlAttribute: 'missing', saveStatusCodeAs: 'code' });
    expect(runWebhook(element, context)).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: { code: 0 } });
    expect(buildWebhookRequest(webhook({ urlType: 'dynamic', urlAttribute: 'orderId' }), attributes)).toMatchObject({ ok: false });
    expect(buildWebhookRequest(webhook({ sessionIdParameter: 'sid', body: '[1]' }), attributes)).toEqual({
      ok: false,
      message: 'The body is not a JSON object, so the session id cannot be added.',
    });
  });

  it('saves the status code (any status) and always continues through next', () => {
    const element = webhook({ saveStatusCodeAs: 'code' });
    for (const status of [200, 404, 503]) {
      const event: ResumeEvent = { type: 'call.result', ok: true, result: { status, headers: {}, body: '', attempts: 1 } };
      expect(resumeWebhook(element, waitFor, event, context)).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: { code: status } });
    }
    expect(resumeWebhook(element, waitFor, { type: 'call.result', ok: false, error: { code: 'network', message: 'x' } }, context).attributes).toEqual({ code: 0 });
    expect(resumeWebhook(element, waitFor, { type: 'timeout' }, context)).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: { code: 0 } });
    expect(resumeWebhook(webhook(), waitFor, { type: 'timeout' }, context).attributes).toEqual({});
    expect(webhookElement.ports(element)).toEqual(['next']);
  });
});

describe('webhook refs and validation', () => {
  it('reads the URL attribute and placeholders, writes the status code', () => {
    const element = webhook({ urlType: 'dynamic', url: undefined, urlAttribute: 'hookUrl', headers: [{ key: 'X-Order', value: '{{orderId}}' }], body: '{"t": {{total}}}', saveStatusCodeAs: 'code' });
    expect(webhookAttributeRefs(element).map(({ name, access, path }) => ({ name, access, path }))).toEqual([
      { name: 'orderId', access: 'read', path: ['headers', 0, 'value'] },
      { name: 'total', access: 'read', path: ['body'] },
      { name: 'hookUrl', access: 'read', path: ['urlAttribute'] },
      { name: 'code', access: 'write', path: ['saveStatusCodeAs'] },
    ]);
  });

  it('needs the field of its URL type, a url/text URL attribute and a JSON (object) body', () => {
    const declared: AttributeDeclaration[] = [
      { name: 'hookUrl', type: 'url', scope: 'session' },
      { name: 'hookText', type: 'text', scope: 'session' },
      { name: 'count', type: 'number', scope: 'session' },
    ];
    const rules = (config: Record<string, unknown>) => validateWebhook(webhook(config), validation(declared)).map(({ field, rule, severity }) => ({ field, rule, severity }));
    expect(rules({})).toEqual([]);
    expect(rules({ url: undefined })).toEqual([{ field: 'url', rule: 'required', severity: undefined }]);
    expect(rules({ urlAttribute: 'hookUrl' })).toEqual([{ field: 'urlAttribute', rule: 'unused-field', severity: 'warning' }]);
    expect(rules({ urlType: 'dynamic', url: undefined })).toEqual([{ field: 'urlAttribute', rule: 'required', severity: undefined }]);
    expect(rules({ urlType: 'dynamic', url: undefined, urlAttribute: 'hookUrl' })).toEqual([]);
    expect(rules({ urlType: 'dynamic', url: undefined, urlAttribute: 'hookText' })).toEqual([]);
    expect(rules({ urlType: 'dynamic', url: undefined, urlAttribute: 'count' })).toEqual([{ field: 'urlAttribute', rule: 'type-mismatch', severity: undefined }]);
    expect(rules({ urlType: 'dynamic', urlAttribute: 'hookUrl' })).toEqual([{ field: 'url', rule: 'unused-field', severity: 'warning' }]);
    expect(rules({ body: '{"a": {{count}}, "m": "{{lastReceivedMessage}}"}' })).toEqual([]);
    expect(rules({ body: '{"a": 1,}' })).toEqual([{ field: 'body', rule: 'invalid-json', severity: undefined }]);
    expect(rules({ body: '[1]' })).toEqual([]);
    expect(rules({ body: '[1]', sessionIdParameter: 'sid' })).toEqual([{ field: 'body', rule: 'invalid-json', severity: undefined }]);
    expect(rules({ headers: [{ key: 'A', value: '1' }, { key: 'a', value: '2' }] })).toEqual([{ field: 'headers[1].key', rule: 'duplicate-key', severity: undefined }]);
  });
});
