import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { RawSseClient } from '../apps/api/src/routes/raw-sse-client';
import { echoFlow } from '../tests/support/echo-flow';
import { addWebchatChannel } from '../tests/webchat/add-webchat-channel';
import { percentile, type BenchRow, type BenchSuite } from './bench-suite';
import { startBenchPlatform } from './support/bench-platform';

const streamCount = Number(process.env['BENCH_WEBCHAT_STREAMS'] ?? 2_000);
const replyCount = Number(process.env['BENCH_WEBCHAT_REPLIES'] ?? 2_000);
const concurrency = 50;

/**
 * Web chat with many open event streams, on one API process and one worker:
 * 1. 2,000 visitors (BENCH_WEBCHAT_STREAMS) each open an event stream (a ticket first
 *    where the API has them); the API process's resident memory and open files are
 *    read from /proc before and after: memory per stream.
 * 2. With every stream open, 2,000 messages (BENCH_WEBCHAT_REPLIES), one per visitor,
 *    50 in flight: time from POST to the bot's reply on the visitor's stream (p50, p99),
 *    replies per second, and Postgres transactions per reply (pg_stat_database of the
 *    scratch database, the worker's included).
 * 3. One of those visitors opens 1,000 more streams: how many the API keeps open, and
 *    the transactions one reply to that visitor then costs (every stream fetching on its
 *    own made it thousands).
 * The per-address limits are off: every visitor here comes from 127.0.0.1.
 */
export const webchatStreamsBench: BenchSuite = {
  name: 'webchat-streams',
  run: async () => {
    const bench = await startBenchPlatform({
      suite: 'webchat',
      flow: echoFlow,
      apis: 1,
      workers: 1,
      apiEnv: {
        IP_LIMIT_SESSIONS_BURST: '0',
        IP_LIMIT_MESSAGES_BURST: '0',
        IP_LIMIT_STREAMS_BURST: '0',
        WEBCHAT_STREAMS_PER_ADDRESS: String(streamCount * 2),
        MAX_CONNECTIONS: String(streamCount * 2 + 1_000),
        WEBCHAT_STREAMS_PER_PROCESS: String(streamCount * 2),
      },
    });
    const clients: RawSseClient[] = [];
    try {
      const api = bench.platform.apiUrls[0] ?? '';
      const apiPid = bench.platform.apis[0]?.child.pid ?? 0;
      const channelId = await addWebchatChannel(bench.platform, { allowedOrigins: ['*'] });
      const base = `${api}/webchat/${channelId}`;

      const visitors = await inBatches(streamCount, async () => {
        const response = await fetch(`${base}/sessions`, { method: 'POST' });
        const body: unknown = await response.json();
        const token = typeof body === 'object' && body !== null ? Reflect.get(body, 'token') : undefined;
        if (typeof token !== 'string') throw new Error(`session: HTTP ${response.status} ${JSON.stringify(body)}`);
        return token;
      });
      const ticketed = (await fetch(`${base}/stream-tickets`, { method: 'POST', headers: { authorization: `Bearer ${visitors[0] ?? ''}` } })).status === 201;
      await settle();
      const before = processFigures(apiPid);
      const started = Date.now();
      const streams = await inBatches(streamCount, async (index) => {
        const token = visitors[index] ?? '';
        const query = ticketed ? `ticket=${encodeURIComponent(await ticket(base, token))}` : `token=${encodeURIComponent(token)}`;
        const client = await RawSseClient.open(`${base}/events?${query}`);
        clients.push(client);
        if (client.status !== 200) throw new Error(`stream ${index}: HTTP ${client.status}`);
        await until(() => client.has('ready'), 30_000);
        return client;
      });
      const openSeconds = (Date.now() - started) / 1_000;
      await settle();
      const after = processFigures(apiPid);
      const rows: BenchRow[] = [
        {
          name: `${streamCount} open event streams, one API process`,
          figures: {
            streams: streams.length,
            open_s: openSeconds,
            rss_before_mb: before.rssKb / 1_024,
            rss_after_mb: after.rssKb / 1_024,
            kb_per_stream: (after.rssKb - before.rssKb) / streams.length,
            fds_per_stream: (after.fds - before.fds) / streams.length,
          },
        },
      ];

      const transactionsBefore = await transactions(bench.databaseUrl);
      const latencies: number[] = [];
      const replyStarted = Date.now();
      await inBatches(Math.min(replyCount, streams.length), async (index) => {
        const stream = streams[index];
        if (!stream) return;
        const sent = Date.now();
        const response = await fetch(`${base}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${visitors[index] ?? ''}`, 'content-type': 'application/json' },
          body: JSON.stringify({ clientMessageId: `m${index}`, text: 'hi' }),
        });
        if (response.status !== 202) throw new Error(`message ${index}: HTTP ${response.status} ${await response.text()}`);
        await until(() => stream.messages.length >= 1, 60_000);
        latencies.push(Date.now() - sent);
      });
      const replySeconds = (Date.now() - replyStarted) / 1_000;
      const transactionsAfter = await transactions(bench.databaseUrl);
      rows.push({
        name: `replies with ${streams.length} streams open (${concurrency} visitors at a time)`,
        figures: {
          replies: latencies.length,
          per_s: latencies.length / replySeconds,
          p50_ms: percentile(latencies, 50),
          p99_ms: percentile(latencies, 99),
          pg_xacts_per_reply: (transactionsAfter - transactionsBefore) / latencies.length,
        },
      });

      // 3. One visitor opening 1,000 streams (the abuse of issue 13): how many stay open, and
      // what one reply to that visitor costs in Postgres transactions.
      const abuser = visitors[0] ?? '';
      const abuserStreams = await inBatches(1_000, async () => {
        const query = ticketed ? `ticket=${encodeURIComponent(await ticket(base, abuser))}` : `token=${encodeURIComponent(abuser)}`;
        const client = await RawSseClient.open(`${base}/events?${query}`);
        clients.push(client);
        return client;
      });
      await settle();
      const alive = abuserStreams.filter((client) => !client.ended && client.has('ready'));
      const beforeReply = await transactions(bench.databaseUrl);
      const response = await fetch(`${base}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${abuser}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientMessageId: 'abuse', text: 'again' }),
      });
      if (response.status !== 202) throw new Error(`abuser's message: HTTP ${response.status}`);
      await until(() => alive.every((client) => client.messages.length >= 1), 60_000);
      rows.push({
        name: 'one visitor opens 1,000 more streams; then one reply to that visitor',
        figures: { streams_kept_open: alive.length, pg_xacts_for_the_reply: (await transactions(bench.databaseUrl)) - beforeReply },
      });
      return rows;
    } finally {
      for (const client of clients) client.close();
      await bench.stop();
    }
  },
};

async function ticket(base: string, token: string): Promise<string> {
  const response = await fetch(`${base}/stream-tickets`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const body: unknown = await response.json();
  const value = typeof body === 'object' && body !== null ? Reflect.get(body, 'ticket') : undefined;
  if (typeof value !== 'string') throw new Error(`ticket: HTTP ${response.status}`);
  return value;
}

/** Runs `task(0 … count-1)` with `concurrency` at a time; results in index order. */
async function inBatches<T>(count: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Lets the API process's heap settle (its GC runs on its own; a pause is what we can give it). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

function processFigures(pid: number): { rssKb: number; fds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return { rssKb, fds: readdirSync(`/proc/${pid}/fd`).length };
}

/** Committed transactions of the database so far (its statistics, forced up to date). */
async function transactions(databaseUrl: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1_500)); // backends report their counts within a second
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ xacts: string }>('SELECT xact_commit::text AS xacts FROM pg_stat_database WHERE datname = current_database()');
    return Number(result.rows[0]?.xacts ?? Number.NaN);
  } finally {
    await client.end();
  }
}
