import { apiElement, apiSchema, type AttributeValues } from '@parley/elements';
import { describe, expect, it } from 'vitest';
import { buildPreviewCall } from './build-preview-call';

const element = apiSchema.parse({
  id: 'order',
  type: 'api',
  method: 'POST',
  url: 'https://shop.example/orders/{{orderId}}?lang={{lang}}',
  escapeUrlParameters: true,
  contentType: 'json',
  headers: [{ key: 'Authorization', value: 'Bearer {{token}}' }],
  body: { type: 'key-value', pairs: [{ key: 'qty', value: '{{qty}}' }, { key: 'note', value: 'for {{name}}' }] },
  timeoutSeconds: 7,
  retries: 2,
  mtlsCertificateId: 'cert-1',
});

describe('buildPreviewCall', () => {
  it('builds exactly the call the element emits when it runs', () => {
    const attributes: AttributeValues = { orderId: 'A 7', lang: 'pt-BR', token: 't0k', qty: 3, name: 'Ana' };
    const run = apiElement.run(element, { attributes, declarations: {}, now: 0, random: () => 0 });
    const effect = run.kind === 'wait' ? run.effects[0] : undefined;
    expect(effect?.type).toBe('call');
    const built = buildPreviewCall(element, attributes);
    expect(built).toEqual({ ok: true, call: effect?.type === 'call' ? effect.call : undefined });
    expect(built.ok && built.call).toMatchObject({
      url: 'https://shop.example/orders/A%207?lang=pt-BR',
      timeoutMs: 7000,
      retries: 2,
      mtlsCertificateId: 'cert-1',
      body: { kind: 'text', text: '{"qty":3,"note":"for Ana"}' },
    });
  });

  it('never fills inbound attributes into the request (spec NOTE)', () => {
    const inbound = apiSchema.parse({ id: 'x', type: 'api', url: 'https://x.test/?q={{lastReceivedMessage}}' });
    const built = buildPreviewCall(inbound, { lastReceivedMessage: 'secret' });
    expect(built.ok && built.call.url).toBe('https://x.test/?q=');
  });

  it('explains a request that cannot be built', () => {
    const relative = apiSchema.parse({ id: 'x', type: 'api', url: '{{base}}/orders' });
    expect(buildPreviewCall(relative, { base: 'not-a-host' })).toEqual({
      ok: false,
      problem: { code: 'invalid-request', message: 'The URL "not-a-host/orders" is not a valid absolute URL.' },
    });
  });
});
