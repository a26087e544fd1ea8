import { createDb, type Db } from '@parley/db';
import type { CallContext } from '@parley/runner';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiTestContext } from './support/api-test-context';
import { runApiElement } from './support/run-api-element';
import { json, startTestServer, type TestHandler, type TestServer } from './support/test-server';

/**
 * The API element end to end against real local servers: the pure engine builds the
 * request and reads the result, the runner's executeHttpRequest sends it (SSRF guard
 * with 127.0.0.1 allowlisted for the workspace, timeouts, retries), both in one harness
 * (runApiElement). Each server asserts the exact Content-Type and body it received.
 */
let db: Db;
let context: CallContext;
const servers: TestServer[] = [];

beforeAll(async () => {
  db = createDb(inject('databaseUrl'), { maxConnections: 4 });
  context = await createApiTestContext(db);
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

afterAll(async () => {
  await db?.$disconnect();
});

async function serve(handler: TestHandler): Promise<TestServer> {
  const server = await startTestServer(handler);
  servers.push(server);
  return server;
}

const ok: TestHandler = (_request, response) => json(response, 200, { ok: true });
const run = (element: Record<string, unknown>, attributes: Parameters<typeof runApiElement>[2] = []) => runApiElement({ db, context }, element, attributes);
const code = { name: 'code', type: 'number' } as const;

describe('API element: every content type reaches the server exactly', () => {
  it('none: no Content-Type, no body', async () => {
    const server = await serve(ok);
    const outcome = await run({ method: 'GET', url: `${server.origin}/orders?id={{id}}`, contentType: 'none' }, [{ name: 'id', type: 'text', defaultValue: 'A 7' }]);
    expect(outcome.took).toBe('next');
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ method: 'GET', path: '/orders?id=A%207', body: '' });
    expect(server.received[0]?.headers['content-type']).toBeUndefined();
  });

  it('raw: the editor text as written, no predefined Content-Type (SOAP: set text/xml yourself)', async () => {
    const server = await serve(ok);
    const envelope = '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Get><Id>{{id}}</Id></Get></soap:Body></soap:Envelope>';
    await run({ method: 'POST', url: `${server.origin}/ws`, contentType: 'raw', headers: [{ key: 'Content-Type', value: 'text/xml; charset=utf-8' }], body: { type: 'editor', text: envelope } }, [
      { name: 'id', type: 'text', defaultValue: '7 & 8' },
    ]);
    expect(server.received[0]?.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(server.received[0]?.body).toBe(envelope.replace('{{id}}', '7 & 8'));

    await run({ method: 'PUT', url: `${server.origin}/raw`, contentType: 'raw', body: { type: 'editor', text: '12345' } });
    expect(server.received[1]?.headers['content-type']).toBeUndefined();
    expect(server.received[1]).toMatchObject({ method: 'PUT', body: '12345' });
  });

  it('json key-value: application/json, a single placeholder keeps its type', async () => {
    const server = await serve(ok);
    await run(
      {
        method: 'POST',
        url: `${server.origin}/orders`,
        contentType: 'json',
        body: { type: 'key-value', pairs: [{ key: 'name', value: '{{name}}' }, { key: 'qty', value: '{{qty}}' }, { key: 'tags', value: '{{tags}}' }, { key: 'note', value: 'for {{name}}' }] },
      },
      [
        { name: 'name', type: 'text', defaultValue: 'Ana "A"' },
        { name: 'qty', type: 'number', defaultValue: 3 },
        { name: 'tags', type: 'list', defaultValue: ['a', 'b'] },
      ],
    );
    expect(server.received[0]?.headers['content-type']).toBe('application/json');
    expect(server.received[0]?.body).toBe('{"name":"Ana \\"A\\"","qty":3,"tags":["a","b"],"note":"for Ana \\"A\\""}');
  });

  it('json editor: placeholders filled JSON-safely', async () => {
    const server = await serve(ok);
    await run({ method: 'PATCH', url: `${server.origin}/o/1`, contentType: 'json', body: { type: 'editor', text: '{"qty": {{qty}}, "text": "Hi {{name}}"}' } }, [
      { name: 'qty', type: 'number', defaultValue: 2 },
      { name: 'name', type: 'text', defaultValue: 'Bo\n"B"' },
    ]);
    expect(server.received[0]).toMatchObject({ method: 'PATCH', body: '{"qty": 2, "text": "Hi Bo\\n\\"B\\""}' });
    expect(server.received[0]?.headers['content-type']).toBe('application/json');
  });

  it('text: text/plain', async () => {
    const server = await serve(ok);
    await run({ method: 'POST', url: `${server.origin}/t`, contentType: 'text', body: { type: 'editor', text: 'Order {{id}} is ready' } }, [{ name: 'id', type: 'text', defaultValue: 'A7' }]);
    expect(server.received[0]?.headers['content-type']).toBe('text/plain');
    expect(server.received[0]?.body).toBe('Order A7 is ready');
  });

  it('xml: application/xml, values XML-escaped', async () => {
    const server = await serve(ok);
    await run({ method: 'POST', url: `${server.origin}/x`, contentType: 'xml', body: { type: 'editor', text: '<order><note>{{note}}</note></order>' } }, [
      { name: 'note', type: 'text', defaultValue: 'a < b & "c"' },
    ]);
    expect(server.received[0]?.headers['content-type']).toBe('application/xml');
    expect(server.received[0]?.body).toBe('<order><note>a &lt; b &amp; &quot;c&quot;</note></order>');
  });

  it('url-encoded: application/x-www-form-urlencoded pairs', async () => {
    const server = await serve(ok);
    await run(
      { method: 'POST', url: `${server.origin}/token`, contentType: 'url-encoded', body: { type: 'key-value', pairs: [{ key: 'grant_type', value: 'password' }, { key: 'user', value: '{{user}}' }] } },
      [{ name: 'user', type: 'text', defaultValue: 'ana silva&co' }],
    );
    expect(server.received[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(server.received[0]?.body).toBe('grant_type=password&user=ana+silva%26co');
  });

  it('form-data: multipart/form-data with its boundary, each field a part', async () => {
    const server = await serve(ok);
    await run(
      { method: 'POST', url: `${server.origin}/upload`, contentType: 'form-data', body: { type: 'key-value', pairs: [{ key: 'name', value: '{{name}}' }, { key: 'city', value: 'São Paulo' }] } },
      [{ name: 'name', type: 'text', defaultValue: 'Ana' }],
    );
    const received = server.received[0];
    const contentType = received?.headers['content-type'] ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const form = await new Response(received?.body, { headers: { 'content-type': contentType } }).formData();
    expect([...form.entries()]).toEqual([
      ['name', 'Ana'],
      ['city', 'São Paulo'],
    ]);
  });

  it('custom headers: placeholders filled, sent as configured', async () => {
    const server = await serve(ok);
    await run({ url: `${server.origin}/h`, headers: [{ key: 'Authorization', value: 'Bearer {{token}}' }, { key: 'Accept-Language', value: 'pt-BR' }] }, [
      { name: 'token', type: 'text', defaultValue: 't0k' },
    ]);
    expect(server.received[0]?.headers).toMatchObject({ authorization: 'Bearer t0k', 'accept-language': 'pt-BR' });
  });
});

describe('API element: every response mapping', () => {
  it('saves the status code, headers (any case) and JSON body paths, arrays included', async () => {
    const server = await serve((_request, response) =>
      json(response, 201, { order: { id: 'A7', total: 12.5, paid: false, items: [{ name: 'tea' }, { name: 'cake' }], tags: ['x', 'y'], meta: { a: 1 } } }, { 'X-Request-Id': 'req-1' }),
    );
    const outcome = await run(
      {
        method: 'POST',
        url: `${server.origin}/orders`,
        contentType: 'json',
        body: { type: 'editor', text: '{}' },
        response: {
          saveStatusCodeAs: 'code',
          headers: [{ attribute: 'requestId', header: 'x-REQUEST-id' }],
          body: [
            { attribute: 'orderId', path: 'order.id' },
            { attribute: 'total', path: 'order.total' },
            { attribute: 'paid', path: 'order.paid' },
            { attribute: 'second', path: 'order.items.1.name' },
            { attribute: 'tags', path: 'order.tags' },
            { attribute: 'meta', path: 'order.meta' },
            { attribute: 'missing', path: 'order.nothing' },
          ],
        },
      },
      [
        code,
        { name: 'requestId', type: 'text' },
        { name: 'orderId', type: 'text' },
        { name: 'total', type: 'number' },
        { name: 'paid', type: 'boolean' },
        { name: 'second', type: 'text' },
        { name: 'tags', type: 'list' },
        { name: 'meta', type: 'json' },
        { name: 'missing', type: 'text', defaultValue: 'kept' },
      ],
    );
    expect(outcome.took).toBe('next');
    expect(outcome.attributes).toMatchObject({
      code: 201,
      requestId: 'req-1',
      orderId: 'A7',
      total: 12.5,
      paid: false,
      second: 'cake',
      tags: ['x', 'y'],
      meta: { a: 1 },
      missing: 'kept',
    });
  });

  it('reads a SOAP (text/xml) response as text, xml and list', async () => {
    const soap = `<?xml version="1.0"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="urn:orders">
  <soap:Body>
    <m:GetOrderResponse>
      <m:Order id="A7"><m:Status>shipped</m:Status><m:Item>tea</m:Item><m:Item>cake</m:Item></m:Order>
    </m:GetOrderResponse>
  </soap:Body>
</soap:Envelope>`;
    const server = await serve((_request, response) => response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(soap));
    const outcome = await run(
      {
        method: 'POST',
        url: `${server.origin}/ws`,
        contentType: 'raw',
        headers: [{ key: 'Content-Type', value: 'text/xml' }],
        body: { type: 'editor', text: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>' },
        response: {
          body: [
            { attribute: 'status', path: 'Envelope.Body.GetOrderResponse.Order.Status', xmlMode: 'text' },
            { attribute: 'orderId', path: 'Envelope.Body.GetOrderResponse.Order.@id', xmlMode: 'text' },
            { attribute: 'statusXml', path: 'Envelope.Body.GetOrderResponse.Order.Status', xmlMode: 'xml' },
            { attribute: 'items', path: 'Envelope.Body.GetOrderResponse.Order.Item', xmlMode: 'list' },
            { attribute: 'secondItem', path: 'Envelope.Body.GetOrderResponse.Order.Item.1', xmlMode: 'text' },
          ],
        },
      },
      [
        { name: 'status', type: 'text' },
        { name: 'orderId', type: 'text' },
        { name: 'statusXml', type: 'text' },
        { name: 'items', type: 'list' },
        { name: 'secondItem', type: 'text' },
      ],
    );
    expect(outcome.took).toBe('next');
    expect(outcome.attributes).toMatchObject({
      status: 'shipped',
      orderId: 'A7',
      statusXml: '<m:Status>shipped</m:Status>',
      items: ['tea', 'cake'],
      secondItem: 'cake',
    });
  });
});

describe('API element: retry on error, then fallback', () => {
  it.each([408, 500, 502, 503, 504])('%i is retried up to `retries` times, then the fallback saves the code', async (status) => {
    const server = await serve((_request, response) => json(response, status, { error: 'busy' }));
    const outcome = await run({ url: `${server.origin}/flaky`, retries: 2, response: { saveStatusCodeAs: 'code' } }, [code]);
    expect(server.received).toHaveLength(3);
    expect(outcome.result).toMatchObject({ ok: true, attempts: 3 });
    expect(outcome.took).toBe('fallback');
    expect(outcome.sends).toEqual(['fallback']);
    expect(outcome.attributes['code']).toBe(status);
  });

  it('a retried request that then succeeds continues through next, attempts visible', async () => {
    const server = await serve((_request, response, hit) => (hit < 3 ? json(response, 503, {}) : json(response, 200, { id: 'A7' })));
    const outcome = await run({ url: `${server.origin}/flaky`, retries: 3, response: { saveStatusCodeAs: 'code', body: [{ attribute: 'orderId', path: 'id' }] } }, [
      code,
      { name: 'orderId', type: 'text' },
    ]);
    expect(server.received).toHaveLength(3);
    expect(outcome.result).toMatchObject({ ok: true, attempts: 3, result: { status: 200, attempts: 3 } });
    expect(outcome.took).toBe('next');
    expect(outcome.attributes).toMatchObject({ code: 200, orderId: 'A7' });
  });

  it('a timeout is retried, then the fallback saves status 0', async () => {
    const server = await serve((_request, response) => {
      setTimeout(() => json(response, 200, {}), 2_500).unref();
    });
    const started = performance.now();
    const outcome = await run({ url: `${server.origin}/slow`, timeoutSeconds: 1, retries: 1, response: { saveStatusCodeAs: 'code' } }, [code]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(server.received).toHaveLength(2);
    expect(outcome.result).toMatchObject({ ok: false, attempts: 2, error: { code: 'timeout' } });
    expect(outcome.took).toBe('fallback');
    expect(outcome.attributes['code']).toBe(0);
  });

  it('404 is not retried: the fallback at once, the code saved', async () => {
    const server = await serve((_request, response) => json(response, 404, { error: 'no such order' }));
    const outcome = await run({ url: `${server.origin}/missing`, retries: 3, response: { saveStatusCodeAs: 'code' } }, [code]);
    expect(server.received).toHaveLength(1);
    expect(outcome.result).toMatchObject({ ok: true, attempts: 1, result: { status: 404 } });
    expect(outcome.took).toBe('fallback');
    expect(outcome.attributes['code']).toBe(404);
  });

  it('a network error (nothing listening) takes the fallback with status 0', async () => {
    const server = await serve(ok);
    const origin = server.origin;
    await servers.pop()?.close();
    const outcome = await run({ url: `${origin}/gone`, retries: 1, response: { saveStatusCodeAs: 'code' } }, [code]);
    expect(outcome.result).toMatchObject({ ok: false, attempts: 2, error: { code: 'network' } });
    expect(outcome.result.error?.message).toContain('ECONNREFUSED');
    expect(outcome.took).toBe('fallback');
    expect(outcome.attributes['code']).toBe(0);
  });

  it('a request the guard refuses (loopback not allowlisted) takes the fallback, nothing sent', async () => {
    const server = await serve(ok);
    const outcome = await run({ url: `http://127.0.0.2:${new URL(server.origin).port}/x`, response: { saveStatusCodeAs: 'code' } }, [code]);
    expect(outcome.result).toMatchObject({ ok: false, error: { code: 'blocked' } });
    expect(server.received).toHaveLength(0);
    expect(outcome.took).toBe('fallback');
  });
});
