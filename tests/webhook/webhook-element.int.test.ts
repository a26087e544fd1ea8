import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@parley/db';
import { parseFlow, step, type Command, type Flow } from '@parley/engine';
import { rateLimitEndpointKey, reserveRateLimitSlot, type RateLimitContext } from '@parley/http';
import type { CallContext } from '@parley/runner';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiTestContext } from '../api-element/support/api-test-context';
import { json, startTestServer, type TestServer } from '../api-element/support/test-server';
import { executeRateLimitedHttpRequest } from './support/execute-rate-limited-http-request';

/**
 * The Webhook element through the engine and the executor with the throughput limit in
 * front (executeRateLimitedHttpRequest: the executor change this work proposes), against
 * a real local server and the real Redis.
 */
let db: Db;
let redis: Redis;
let context: CallContext;
const servers: TestServer[] = [];

beforeAll(async () => {
  db = createDb(inject('databaseUrl'), { maxConnections: 4 });
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  context = await createApiTestContext(db);
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

afterAll(async () => {
  await redis?.quit();
  await db?.$disconnect();
});

function webhookFlow(url: string): Flow {
  const parsed = parseFlow({
    version: 1,
    attributes: [
      { name: 'code', type: 'number', scope: 'session' },
      { name: 'orderId', type: 'text', scope: 'session', defaultValue: 'A7' },
    ],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'hook',
        elements: [
          { id: 'hook', type: 'webhook', url, sessionIdParameter: 'session', body: '{"order": "{{orderId}}"}', saveStatusCodeAs: 'code' },
          { id: 'done', type: 'send-message', text: 'done {{code}}' },
        ],
        edges: [{ id: 'e1', from: 'hook', to: 'done' }],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.flow;
}

/** Starts a session at the webhook, executes its call through the rate-limited executor and resumes the element. */
async function runWebhook(url: string, rateLimit: RateLimitContext) {
  const flow = webhookFlow(url);
  const deps = { now: context.now, random: () => 0, sessionId: context.sessionId };
  const started = step(flow, null, { type: 'user.message', messageId: randomUUID(), text: 'buy', receivedAt: deps.now }, deps);
  const command = started.commands.find((candidate): candidate is Extract<Command, { type: 'call' }> => candidate.type === 'call');
  if (command?.call.name !== 'http.request') throw new Error('the webhook made no http.request call');
  const before = performance.now();
  const result = await executeRateLimitedHttpRequest(db, { ...context, rateLimit }, command.call);
  const tookMs = performance.now() - before;
  const resumed = step(flow, started.session, { type: 'call.result', key: command.key, ...result }, deps);
  const sends = resumed.commands.flatMap((sent) => (sent.type === 'send' ? [sent.text] : []));
  return { call: command.call, result, tookMs, sends, code: resumed.session.attributes['code'] };
}

async function serve(): Promise<TestServer> {
  const server = await startTestServer((_request, response) => json(response, 202, { accepted: true }));
  servers.push(server);
  return server;
}

function limits(): RateLimitContext {
  return { redis, keyPrefix: `${inject('redisPrefix')}:${randomUUID().slice(0, 8)}`, sourceAddress: '127.0.0.1' };
}

describe('Webhook element with the throughput limit in the executor', () => {
  it('sends the JSON body with the session id, carries the spec’s limits, saves the code', async () => {
    const server = await serve();
    const run = await runWebhook(`${server.origin}/crm/hooks`, limits());
    expect(run.call.rateLimit).toEqual({ perEndpoint: 100, perEndpointPerSource: 50 });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.received[0]?.body ?? '')).toEqual({ order: 'A7', session: context.sessionId });
    expect(run.result).toMatchObject({ ok: true, attempts: 1, result: { status: 202 } });
    expect(run.sends).toEqual(['done 202']);
  });

  it('waits for its slot when the endpoint is busy, then sends', async () => {
    const server = await serve();
    const url = `${server.origin}/crm/hooks`;
    const rateLimit = limits();
    // Another worker on this host just took 15 slots of the 50/s per-source budget: the next one is 300 ms away.
    const booked = performance.now();
    await Promise.all(
      Array.from({ length: 15 }, () =>
        reserveRateLimitSlot(redis, { ...rateLimit, endpointKey: rateLimitEndpointKey(url), sourceKey: rateLimit.sourceAddress, perEndpoint: 100, perEndpointPerSource: 50, maxWaitMs: 10_000 }),
      ),
    );
    const run = await runWebhook(url, rateLimit);
    expect(performance.now() - booked).toBeGreaterThanOrEqual(290);
    expect(server.received).toHaveLength(1);
    expect(run.sends).toEqual(['done 202']);
  });

  it('reports rate-limited (status 0, flow goes on) when no slot comes within the 10 s timeout; nothing is sent', async () => {
    const server = await serve();
    const url = `${server.origin}/crm/hooks`;
    const rateLimit = limits();
    // 700 slots at 50/s: this source's schedule is booked for the next 14 s (booking takes a
    // moment on a busy machine; the webhook may wait 10 s at most).
    await Promise.all(
      Array.from({ length: 700 }, () =>
        reserveRateLimitSlot(redis, { ...rateLimit, endpointKey: rateLimitEndpointKey(url), sourceKey: rateLimit.sourceAddress, perEndpoint: 100, perEndpointPerSource: 50, maxWaitMs: 20_000 }),
      ),
    );
    const run = await runWebhook(url, rateLimit);
    expect(run.tookMs).toBeLessThan(500);
    expect(run.result).toMatchObject({ ok: false, attempts: 0, error: { code: 'rate-limited' } });
    expect(run.result.error?.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+: no slot under the endpoint's throughput limit within 10000 ms \(retry in \d+ ms; 0 attempts\)$/);
    expect(server.received).toHaveLength(0);
    expect(run.code).toBe(0);
    expect(run.sends).toEqual(['done 0']);
  });
});
