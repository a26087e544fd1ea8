import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, createWorkspace, type Db } from '@parley/db';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { z } from 'zod';
import { createCaller, createContext } from '../index';
import { testPrincipal } from '../testing/member-context';
import { trpcError } from '../testing/trpc-error';

/**
 * `codeAssistant.*` against a fake OpenAI-compatible endpoint on 127.0.0.1 that checks
 * what the real API requires (path, bearer token, JSON body with model and messages)
 * and answers in its wire format (`choices[0].message.content`).
 */
type Received = { path: string; authorization: string | undefined; contentType: string | undefined; body: unknown };
type Answer = { status: number; body: unknown } | 'hang';

const received: Received[] = [];
let answer: Answer = { status: 200, body: {} };
let server: Server;
let baseUrl: string;
let db: Db;
const workspace = { id: '', slug: `assistant-${randomUUID().slice(0, 8)}` };

function completion(content: string): unknown {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-test',
    choices: [{ index: 0, message: { role: 'assistant', content }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

beforeAll(async () => {
  db = createDb(inject('databaseUrl'), { maxConnections: 2 });
  workspace.id = (await createWorkspace(db, { name: 'Assistant', slug: workspace.slug })).id;
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      received.push({ path: `${request.method} ${request.url}`, authorization: request.headers.authorization, contentType: request.headers['content-type'], body });
      if (answer === 'hang') return;
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake endpoint is not listening on a port');
  baseUrl = `http://127.0.0.1:${address.port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});

afterEach(() => {
  vi.unstubAllEnvs();
  received.length = 0;
});

function configure(extra: Record<string, string> = {}): void {
  vi.stubEnv('OPENAI_BASE_URL', baseUrl);
  vi.stubEnv('OPENAI_API_KEY', 'sk-test-key');
  vi.stubEnv('OPENAI_MODEL', 'gpt-test');
  for (const [name, value] of Object.entries(extra)) vi.stubEnv(name, value);
}

async function caller() {
  return createCaller(createContext({ db, secretKey: randomBytes(32).toString('hex'), principal: testPrincipal, workspace, role: 'builder' }));
}

const requestSchema = z.object({
  model: z.literal('gpt-test'),
  messages: z.tuple([z.object({ role: z.literal('system'), content: z.string() }), z.object({ role: z.literal('user'), content: z.string() })]),
});

describe('codeAssistant', () => {
  it('improve: formats with Prettier, without any request (configured or not)', async () => {
    const api = await caller();
    expect(await api.codeAssistant.improve({ code: "const score=attributeApi.get('score');if(score>80){attributeApi.set('result','pass')}" })).toEqual({
      code: "const score = attributeApi.get('score');\nif (score > 80) {\n  attributeApi.set('result', 'pass');\n}",
    });
    expect((await trpcError(api.codeAssistant.improve({ code: 'if (' }))).code).toBe('BAD_REQUEST');
    expect(received).toEqual([]);
  });

  it('create: posts the prompt, the attributes and the documented API to /chat/completions, and returns the fenced code', async () => {
    configure();
    answer = { status: 200, body: completion("Sure!\n```javascript\nconst items = JSON.parse(attributeApi.get('cart'))\nattributeApi.set('totalPrice', items.reduce((sum, item) => sum + item.price, 0))\n```") };
    const result = await (await caller()).codeAssistant.create({
      prompt: 'Calculate the total price from a list of items and save it to the totalPrice attribute.',
      attributes: [{ name: 'cart', type: 'json' }, { name: 'totalPrice', type: 'number' }],
    });
    expect(result).toEqual({
      code: "const items = JSON.parse(attributeApi.get('cart'));\nattributeApi.set(\n  'totalPrice',\n  items.reduce((sum, item) => sum + item.price, 0),\n);",
    });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ path: 'POST /v1/chat/completions', authorization: 'Bearer sk-test-key', contentType: 'application/json' });
    const body = requestSchema.parse(request?.body);
    for (const documented of ["attributeApi.get('attributeName')", "attributeApi.set('attributeName', value)", 'encryptionUtils.md5', 'encryptionUtils.sha256', 'encryptionUtils.sha512']) {
      expect(body.messages[0].content).toContain(documented);
    }
    expect(body.messages[1].content).toContain('Calculate the total price');
    expect(body.messages[1].content).toContain('- cart: json');
    expect(body.messages[1].content).toContain('- totalPrice: number');
  });

  it('edit and fix: send the script with the instruction or the error, and strip the fences of the answer', async () => {
    configure();
    const api = await caller();
    answer = { status: 200, body: completion("```js\nconst score = Number(attributeApi.get('score'));\nif (Number.isNaN(score)) return;\n```") };
    expect(await api.codeAssistant.edit({ code: "const score = attributeApi.get('score');", instruction: 'Check that the score is a number.' })).toEqual({
      code: "const score = Number(attributeApi.get('score'));\nif (Number.isNaN(score)) return;",
    });
    answer = { status: 200, body: completion("attributeApi.set('result', 'pass');") };
    expect(await api.codeAssistant.fix({ code: "attributeApi.set('result', pass)", error: 'ReferenceError: pass is not defined (line 1, column 29)' })).toEqual({
      code: "attributeApi.set('result', 'pass');",
    });
    const [edit, fix] = received.map((request) => requestSchema.parse(request.body).messages[1].content);
    expect(edit).toContain('Check that the score is a number.');
    expect(edit).toContain("const score = attributeApi.get('score');");
    expect(fix).toContain('ReferenceError: pass is not defined');
    expect(fix).toContain("attributeApi.set('result', pass)");
  });

  it('without configuration: PRECONDITION_FAILED with the clear message, and no request', async () => {
    vi.stubEnv('OPENAI_BASE_URL', '');
    vi.stubEnv('OPENAI_API_KEY', '');
    vi.stubEnv('OPENAI_MODEL', '');
    const api = await caller();
    for (const call of [
      () => api.codeAssistant.create({ prompt: 'Add one to count' }),
      () => api.codeAssistant.edit({ code: 'x()', instruction: 'y' }),
      () => api.codeAssistant.fix({ code: 'x(' }),
    ]) {
      const error = await trpcError(call());
      expect(error.code).toBe('PRECONDITION_FAILED');
      expect(error.message).toBe('Code assistant is not configured: set OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL');
    }
    expect(received).toEqual([]);
  });

  it('reports endpoint failures: error status (with its message), answers without content, timeouts', async () => {
    configure({ OPENAI_TIMEOUT_MS: '1000' });
    const api = await caller();
    answer = { status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } };
    expect(await trpcError(api.codeAssistant.create({ prompt: 'x' }))).toMatchObject({
      code: 'BAD_GATEWAY',
      message: `The code assistant at ${new URL(baseUrl).origin} answered 401: Incorrect API key provided`,
    });
    answer = { status: 200, body: { choices: [] } };
    expect((await trpcError(api.codeAssistant.create({ prompt: 'x' }))).code).toBe('BAD_GATEWAY');
    answer = 'hang';
    expect((await trpcError(api.codeAssistant.create({ prompt: 'x' }))).code).toBe('GATEWAY_TIMEOUT');
    for (const request of received) expect(JSON.stringify(request.body)).not.toContain('sk-test-key');
  });

  it('refuses callers without a workspace', async () => {
    const anonymous = createCaller(createContext({ db, secretKey: randomBytes(32).toString('hex'), workspace: null }));
    expect((await trpcError(anonymous.codeAssistant.improve({ code: 'x' }))).code).toBe('UNAUTHORIZED');
  });
});
