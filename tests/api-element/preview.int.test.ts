import { randomBytes, randomUUID } from 'node:crypto';
import { createCaller, createContext } from '@parley/api';
import { memberContext } from '../../libs/api/src/testing/member-context';
import { createDb, createWorkspace, setWorkspaceHttpAllowlist, type Db } from '@parley/db';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { json, startTestServer, type TestHandler, type TestServer } from './support/test-server';
import { trpcError } from '../../libs/api/src/testing/trpc-error';

/**
 * `apiElement.preview` through the real router (createCaller) against local servers: the
 * request goes out through the runner's executor under the caller's workspace allowlist
 * (127.0.0.1 allowed by the operator's policy for one caller, nothing for the other).
 */
const secretKey = randomBytes(32).toString('hex');
let db: Db;
let allowed: string;
let locked: string;
const servers: TestServer[] = [];

beforeAll(async () => {
  db = createDb(inject('databaseUrl'), { maxConnections: 4 });
  const suffix = randomUUID().slice(0, 8);
  allowed = `preview-${suffix}`;
  locked = `preview-locked-${suffix}`;
  await createWorkspace(db, { name: 'Preview', slug: allowed });
  // A workspace allowlist opens nothing any more: only the operator's policy does.
  const lockedWorkspace = await createWorkspace(db, { name: 'Preview, operator policy not given', slug: locked });
  await setWorkspaceHttpAllowlist(db, lockedWorkspace.id, ['127.0.0.1']);
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

/** A caller of workspace `slug`; in the `allowed` one the operator's element egress policy admits 127.0.0.1. */
async function caller(slug = allowed) {
  return createCaller(await memberContext(db, secretKey, slug, slug === allowed ? { egress: { allow: ['127.0.0.1'] } } : {}));
}

describe('apiElement.preview', () => {
  it('sends the request with the sample values and returns the response and resolved attributes', async () => {
    const server = await serve((request, response) =>
      json(response, 200, { order: { id: 'A7', items: [{ sku: 'tea' }, { sku: 'cake' }] }, echo: request.headers['authorization'] }, { 'X-Trace': 't-1' }),
    );
    const api = await caller();
    const preview = await api.apiElement.preview({
      element: {
        id: 'order',
        type: 'api',
        method: 'POST',
        url: `${server.origin}/orders/{{orderId}}?lang={{lang}}`,
        contentType: 'json',
        headers: [{ key: 'Authorization', value: 'Bearer {{token}}' }],
        body: { type: 'key-value', pairs: [{ key: 'qty', value: '{{qty}}' }] },
        response: {
          saveStatusCodeAs: 'code',
          headers: [{ attribute: 'trace', header: 'x-TRACE' }],
          body: [
            { attribute: 'orderId', path: 'order.id' },
            { attribute: 'secondSku', path: 'order.items.1.sku' },
          ],
        },
      },
      sampleAttributes: { orderId: 'A7', lang: 'en', token: 't0k', qty: 2, lastReceivedMessage: 'ignored' },
    });
    expect(server.received[0]).toMatchObject({ method: 'POST', path: '/orders/A7?lang=en', body: '{"qty":2}' });
    expect(preview).toMatchObject({
      request: { method: 'POST', url: `${server.origin}/orders/A7?lang=en` },
      status: 200,
      bodyTruncated: false,
      attempts: 1,
      outcome: 'next',
      resolvedAttributes: { code: 200, trace: 't-1', orderId: 'A7', secondSku: 'cake' },
    });
    expect(preview.headers['x-trace']).toBe('t-1');
    expect(JSON.parse(preview.body)).toMatchObject({ echo: 'Bearer t0k' });
    expect(preview.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('shows a failing status after the element’s retries, and the fallback’s attributes', async () => {
    const server = await serve((_request, response) => json(response, 503, { error: 'busy' }));
    const preview = await (await caller()).apiElement.preview({
      element: { id: 'a', type: 'api', url: `${server.origin}/busy`, retries: 1, response: { saveStatusCodeAs: 'code', body: [{ attribute: 'x', path: 'error' }] } },
    });
    expect(server.received).toHaveLength(2);
    expect(preview).toMatchObject({ status: 503, attempts: 2, outcome: 'fallback', resolvedAttributes: { code: 503 }, body: '{"error":"busy"}' });
  });

  it('cuts a large body to 64 KiB and says so', async () => {
    const server = await serve((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('é'.repeat(50_000)));
    const preview = await (await caller()).apiElement.preview({ element: { id: 'a', type: 'api', url: `${server.origin}/big` } });
    expect(preview.bodyTruncated).toBe(true);
    expect(preview.bodyBytes).toBe(100_000);
    expect(Buffer.byteLength(preview.body)).toBe(65_536);
    expect(preview.body).toBe('é'.repeat(32_768));
  });

  it('refuses a request that cannot be built with BAD_REQUEST saying why', async () => {
    const error = await trpcError((await caller()).apiElement.preview({ element: { id: 'a', type: 'api', url: '{{base}}/orders' }, sampleAttributes: { base: 'nohost' } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('The request cannot be sent: The URL "nohost/orders" is not a valid absolute URL.');
  });

  it("applies the operator's egress policy: loopback is FORBIDDEN where the operator did not allow it, whatever the workspace allowlists", async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const error = await trpcError((await caller(locked)).apiElement.preview({ element: { id: 'a', type: 'api', url: `${server.origin}/internal?secret=1` } }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/^The request failed: .*127\.0\.0\.1.*Private, loopback and internal addresses are reachable only where the operator allows them \(ELEMENT_EGRESS_ALLOW\)\.$/);
    expect(error.message).not.toContain('secret=1');
    expect(server.received).toHaveLength(0);
  });

  it('reports no response at all: connection refused → BAD_GATEWAY, timeout → GATEWAY_TIMEOUT', async () => {
    const closed = await serve((_request, response) => json(response, 200, {}));
    const origin = closed.origin;
    await servers.pop()?.close();
    const refused = await trpcError((await caller()).apiElement.preview({ element: { id: 'a', type: 'api', url: `${origin}/x` } }));
    expect(refused.code).toBe('BAD_GATEWAY');
    expect(refused.message).toMatch(/^The request failed: GET http:\/\/127\.0\.0\.1:\d+\/x: network error \(ECONNREFUSED.*\(1 attempt\)\.$/);

    const slow = await serve((_request, response) => {
      setTimeout(() => json(response, 200, {}), 2_000).unref();
    });
    const timedOut = await trpcError((await caller()).apiElement.preview({ element: { id: 'a', type: 'api', url: `${slow.origin}/slow`, timeoutSeconds: 1 } }));
    expect(timedOut.code).toBe('GATEWAY_TIMEOUT');
    expect(timedOut.message).toContain('timed out after 1000 ms');
  });

  it('needs a signed-in caller', async () => {
    const api = createCaller(createContext({ db, secretKey }));
    expect((await trpcError(api.apiElement.preview({ element: { id: 'a', type: 'api', url: 'https://x.test' } }))).code).toBe('UNAUTHORIZED');
  });
});
