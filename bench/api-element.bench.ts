import { createServer, type Server } from 'node:http';
import { createDb, createWorkspace, dropDatabase, ensureDatabase, migrate, type Db } from '@parley/db';
import { parseFlow, step, type Command, type Flow } from '@parley/engine';
import { httpRequest } from '@parley/http';
import { executeHttpRequest, type CallContext } from '@parley/runner';
import { Agent, request } from 'undici';
import { percentile, type BenchRow, type BenchSuite } from './bench-suite';

/** Requests measured per path (after `warmup` unmeasured ones), one at a time. */
const runs = 2_000;
const warmup = 200;

/**
 * The API element's cost on top of the HTTP exchange itself, against one local server
 * (127.0.0.1, keep-alive, a small JSON answer), requests one after another:
 * - raw undici: `request()` on a keep-alive Agent, body read: the floor;
 * - @parley/http: `httpRequest` (spec validation, SSRF-guarded agent under an
 *   allowlist, timeout, retry loop, size cap);
 * - API element: the whole element round trip as the worker runs it: `step` starts the
 *   session and builds the call, the runner's `executeHttpRequest` reads the workspace's
 *   allowlist from Postgres and sends it, `step` resumes the element, which maps one
 *   header and two body paths.
 * Needs Postgres (a scratch database is created and dropped: BENCH_DATABASE_BASE_URL,
 * default postgresql://postgres@127.0.0.1:5432).
 */
export const apiElementBench: BenchSuite = {
  name: 'api-element',
  run: async () => {
    const server = await startServer();
    const { db, context, close } = await scratchWorkspace();
    const agent = new Agent({ keepAliveTimeout: 4_000 });
    try {
      const url = `http://127.0.0.1:${port(server)}/orders/A7`;
      const flow = benchFlow(url);
      const raw = await measure(async () => {
        const response = await request(url, { method: 'GET', dispatcher: agent });
        await response.body.text();
      });
      const client = await measure(async () => {
        await httpRequest({ method: 'GET', url, retry: { retries: 0 } }, { policy: { allow: ['127.0.0.1'] } });
      });
      const engine: number[] = [];
      const executor: number[] = [];
      const element = await measure(async (measured) => {
        const split = await runElement(flow, db, context);
        if (measured) {
          engine.push(split.engineMs);
          executor.push(split.executorMs);
        }
      });
      return [
        row('raw undici request (floor)', raw),
        row('@parley/http httpRequest (guarded agent, allowlist)', client),
        row('API element: step + executeHttpRequest + step (allowlist from Postgres)', element),
        row('  of which engine: step (build request) + step (map response)', engine),
        row('  of which executeHttpRequest (allowlist query + httpRequest)', executor),
        {
          name: 'API element overhead over raw undici',
          figures: {
            p50_ms: percentile(element, 50) - percentile(raw, 50),
            p99_ms: percentile(element, 99) - percentile(raw, 99),
            runs,
          },
        },
        {
          name: 'of which @parley/http over raw undici',
          figures: {
            p50_ms: percentile(client, 50) - percentile(raw, 50),
            p99_ms: percentile(client, 99) - percentile(raw, 99),
            runs,
          },
        },
      ];
    } finally {
      await agent.close();
      await new Promise<void>((done) => server.close(() => done()));
      await close();
    }
  },
};

function row(name: string, samples: readonly number[]): BenchRow {
  return { name, figures: { p50_ms: percentile(samples, 50), p99_ms: percentile(samples, 99), mean_ms: samples.reduce((sum, value) => sum + value, 0) / samples.length, runs: samples.length } };
}

/** Runs `once` warmup + runs times; returns the measured durations (ms). `measured` is false during warmup. */
async function measure(once: (measured: boolean) => Promise<void>): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await once(false);
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await once(true);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** One element round trip, timed by part; throws unless it mapped the response as expected. */
async function runElement(flow: Flow, db: Db, context: CallContext): Promise<{ engineMs: number; executorMs: number }> {
  const deps = { now: context.now, random: () => 0 };
  const t0 = performance.now();
  const started = step(flow, null, { type: 'user.message', messageId: 'm', text: 'go', receivedAt: deps.now }, deps);
  const command = started.commands.find((candidate): candidate is Extract<Command, { type: 'call' }> => candidate.type === 'call');
  if (command?.call.name !== 'http.request') throw new Error('the API element made no http.request call');
  const t1 = performance.now();
  const result = await executeHttpRequest(db, context, command.call);
  const t2 = performance.now();
  const resumed = step(flow, started.session, { type: 'call.result', key: command.key, ...result }, deps);
  const t3 = performance.now();
  if (resumed.session.attributes['secondSku'] !== 'cake') throw new Error(`unexpected outcome: ${JSON.stringify(result)}`);
  return { engineMs: t1 - t0 + (t3 - t2), executorMs: t2 - t1 };
}

function benchFlow(url: string): Flow {
  const parsed = parseFlow({
    version: 1,
    attributes: [
      { name: 'trace', type: 'text', scope: 'session' },
      { name: 'orderId', type: 'text', scope: 'session' },
      { name: 'secondSku', type: 'text', scope: 'session' },
    ],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'call',
        elements: [
          {
            id: 'call',
            type: 'api',
            url,
            response: {
              headers: [{ attribute: 'trace', header: 'x-trace' }],
              body: [
                { attribute: 'orderId', path: 'order.id' },
                { attribute: 'secondSku', path: 'order.items.1.sku' },
              ],
            },
            fallback: { action: { type: 'end' } },
          },
        ],
        edges: [],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.flow;
}

async function startServer(): Promise<Server> {
  const body = JSON.stringify({ order: { id: 'A7', items: [{ sku: 'tea' }, { sku: 'cake' }] } });
  const server = createServer((incoming, response) => {
    incoming.resume();
    incoming.on('end', () => response.writeHead(200, { 'content-type': 'application/json', 'x-trace': 't-1' }).end(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

function port(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bench server is not listening on TCP');
  return address.port;
}

/** A migrated scratch database with one workspace that allowlists 127.0.0.1. */
async function scratchWorkspace(): Promise<{ db: Db; context: CallContext; close: () => Promise<void> }> {
  const base = process.env['BENCH_DATABASE_BASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
  const databaseUrl = `${base}/parley_bench_${Date.now().toString(36)}_${process.pid}`;
  try {
    await ensureDatabase(databaseUrl);
  } catch (error) {
    throw new Error(`The api-element bench needs Postgres at ${base} (set BENCH_DATABASE_BASE_URL): ${String(error)}`);
  }
  await migrate(databaseUrl);
  const db = createDb(databaseUrl, { maxConnections: 2 });
  const workspace = await createWorkspace(db, { name: 'Bench', slug: 'bench' });
  const context: CallContext = {
    workspaceId: workspace.id,
    botId: '',
    sessionId: '',
    channelId: '',
    contact: '',
    now: Date.now(),
    secretKey: '0'.repeat(64),
    egress: { allow: ['127.0.0.1'] },
  };
  return {
    db,
    context,
    close: async () => {
      await db.$disconnect();
      await dropDatabase(databaseUrl);
    },
  };
}
