import { randomBytes, randomUUID } from 'node:crypto';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createDb, createWorkspace, type Db } from '@parley/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { appRouter, createCaller } from '../index';
import { memberContext } from '../testing/member-context';

/**
 * `apiElement.importCurl` as clients see it: through createCaller, and through tRPC's
 * fetch adapter (HTTP status and the error formatter's shape).
 */
const secretKey = randomBytes(32).toString('hex');
const slug = `curl-${randomUUID().slice(0, 8)}`;
let db: Db;

beforeAll(async () => {
  db = createDb(inject('databaseUrl'), { maxConnections: 2 });
  await createWorkspace(db, { name: 'cURL import', slug });
});

afterAll(async () => {
  await db?.$disconnect();
});

const answerSchema = z.union([
  z.object({ result: z.object({ data: z.unknown() }) }),
  z.object({ error: z.object({ message: z.string(), data: z.object({ code: z.string(), httpStatus: z.number() }) }) }),
]);

async function post(input: unknown) {
  const response = await fetchRequestHandler({
    endpoint: '/trpc',
    router: appRouter,
    req: new Request('http://api.test/trpc/apiElement.importCurl', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-workspace': slug },
      body: JSON.stringify(input),
    }),
    createContext: ({ req }) => memberContext(db, secretKey, req.headers.get('x-test-workspace')),
  });
  return { status: response.status, body: answerSchema.parse(await response.json()) };
}

describe('apiElement.importCurl', () => {
  it('returns the Request-tab fields and the warnings', async () => {
    const api = createCaller(await memberContext(db, secretKey, slug));
    const imported = await api.apiElement.importCurl({ command: `curl -k https://api.example.com/orders -H 'Content-Type: application/json' -d '{"a":1}'` });
    expect(imported).toEqual({
      request: { method: 'POST', url: 'https://api.example.com/orders', contentType: 'json', headers: [], body: { type: 'editor', text: '{"a":1}' } },
      warnings: ['TLS certificates are always verified: -k/--insecure was ignored.'],
    });
  });

  it('answers 400 BAD_REQUEST naming what could not be read', async () => {
    const { status, body } = await post({ command: `curl -X POST 'https://api.example.com/orders -d '{}'` });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: expect.objectContaining({
        message: "Cannot import the cURL command: unterminated quote at position 52: the ' opened there is never closed",
        data: expect.objectContaining({ code: 'BAD_REQUEST', httpStatus: 400 }),
      }),
    });
    const noUrl = await post({ command: 'curl -H "Accept: application/json"' });
    expect(noUrl.status).toBe(400);
    expect('error' in noUrl.body && noUrl.body.error.message).toBe(
      'Cannot import the cURL command: no URL found: the command must name the address to call, e.g. curl https://api.example.com/orders',
    );
  });

  it('refuses an empty command as invalid input', async () => {
    const { status, body } = await post({ command: '' });
    expect(status).toBe(400);
    expect('error' in body && body.error.message).toBe('Invalid input: command: Paste a curl command');
  });
});
