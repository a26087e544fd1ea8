import { randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueWebchatVisitor, signWebchatStreamTicket, webchatEventsChannel } from '@parley/channels';
import { createBot, createChannel, createChannelCache, createDb, createInboundBatcher, createWorkspace, type Db } from '@parley/db';
import { createQueues, type Queues } from '@parley/queue';
import { RawSseClient } from './raw-sse-client';
import type { WebchatStreamLimitsInput } from './webchat-stream-limits';
import { registerWebchatRoutes } from './webchat-routes';

/**
 * The web chat event streams under abuse, on a real API (Fastify on 127.0.0.1),
 * Postgres and Redis: caps per visitor, address and process, one shared fetch of
 * new replies per visitor, lifetimes, slow readers, and channels that go away.
 * A reply is "delivered" as a worker does it: an outbound row marked sent, then
 * the notice on Redis.
 */

const secretKey = randomBytes(32).toString('hex');
const prefix = `${inject('redisPrefix')}_wc_streams`;
const db = createDb(inject('databaseUrl'));
let queues: Queues;
let workspaceId = '';
let botId = '';
const servers: FastifyInstance[] = [];
const clients: RawSseClient[] = [];

beforeAll(async () => {
  queues = createQueues({ redisUrl: inject('redisUrl'), prefix });
  const workspace = await createWorkspace(db, { name: 'Streams', slug: `streams-${randomUUID().slice(0, 8)}` });
  workspaceId = workspace.id;
  botId = (await createBot(db, { workspaceId, name: 'Streams bot', draft: {} })).id;
});

afterAll(async () => {
  for (const client of clients) client.close();
  for (const server of servers) await server.close();
  await queues.close();
  await db.workspace.delete({ where: { id: workspaceId } }).catch(() => undefined);
  await db.$disconnect();
});

/** `db` with every query it makes counted (model calls and raw SQL). */
function countingDb(): { db: Db; queries: () => number } {
  let queries = 0;
  const counted = (target: object, name: string | symbol): unknown => {
    const value: unknown = Reflect.get(target, name);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]): unknown => {
      queries += 1;
      return Reflect.apply(value, target, args);
    };
  };
  const proxy = new Proxy(db, {
    get(target, name) {
      if (name === '$queryRaw' || name === '$executeRaw' || name === '$queryRawUnsafe') return counted(target, name);
      const value: unknown = Reflect.get(target, name);
      if (typeof name === 'string' && !name.startsWith('$') && typeof value === 'object' && value !== null) {
        return new Proxy(value, { get: (delegate, method) => counted(delegate, method) });
      }
      return value;
    },
  });
  return { db: proxy, queries: () => queries };
}

async function startApi(limits: WebchatStreamLimitsInput, apiDb: Db = db): Promise<{ url: string; app: FastifyInstance }> {
  const app = Fastify();
  const channels = createChannelCache(secretKey, { ttlMs: 0 });
  registerWebchatRoutes(app, { db: apiDb, inbox: createInboundBatcher(db), queues, secretKey, channels, streamLimits: limits });
  await app.listen({ host: '127.0.0.1', port: 0 });
  servers.push(app);
  const address = app.server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, app };
}

async function newChannel(): Promise<string> {
  const channel = await createChannel(db, { workspaceId, botId, type: 'webchat', name: 'Web chat', config: { allowedOrigins: ['*'] }, secrets: {} }, secretKey);
  return channel.id;
}

async function open(url: string, channelId: string, visitorId: string, headers: Record<string, string> = {}): Promise<RawSseClient> {
  const ticket = signWebchatStreamTicket(secretKey, channelId, visitorId);
  const client = await RawSseClient.open(`${url}/webchat/${channelId}/events?ticket=${ticket}`, headers);
  clients.push(client);
  return client;
}

/** What a worker does when a reply went out: the row marked sent, then the notice. */
async function deliver(channelId: string, contact: string, text: string): Promise<void> {
  const message = await db.message.create({
    data: { workspaceId, channelId, contact, direction: 'outbound', channelMessageId: randomUUID(), text, status: 'sent', sentAt: new Date() },
  });
  await queues.connection.publish(webchatEventsChannel(prefix), JSON.stringify({ channelId, contact, seq: message.seq.toString() }));
}

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const ready = (client: RawSseClient) => client.has('ready');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('web chat stream caps', () => {
  it('keeps at most the per-visitor cap of one visitor\'s 1,000 streams alive: each new one replaces the oldest', async () => {
    const { url, app } = await startApi({ perVisitor: 5, perAddress: 5_000 });
    const channelId = await newChannel();
    const { visitorId } = issueWebchatVisitor(secretKey, channelId);
    const opened: RawSseClient[] = [];
    for (let batch = 0; batch < 20; batch += 1) {
      opened.push(...(await Promise.all(Array.from({ length: 50 }, () => open(url, channelId, visitorId)))));
    }
    expect(opened).toHaveLength(1_000);
    await until('the replaced streams to end', () => opened.filter((client) => !client.ended).length <= 5);
    expect(app.webchatStreams?.stats()).toMatchObject({ streams: 5, visitors: 1 });
    // The replaced ones were told why (an opened-and-replaced-at-once one may have ended before its headers).
    const told = opened.filter((client) => client.events.some((event) => event.event === 'closed' && event.data === '{"reason":"replaced"}'));
    expect(told.length).toBeGreaterThan(900);
    // The survivors still get replies.
    const alive = opened.filter((client) => !client.ended);
    await until('the survivors to be live', () => alive.every(ready));
    await deliver(channelId, visitorId, 'still here');
    await until('the reply on every surviving stream', () => alive.every((client) => client.messages.length === 1));
  });

  it('refuses streams past the per-address cap with 429 and past the per-process cap with 503, both with Retry-After', async () => {
    const byAddress = await startApi({ perAddress: 3 });
    const channelId = await newChannel();
    const streams = await Promise.all([1, 2, 3].map(() => open(byAddress.url, channelId, issueWebchatVisitor(secretKey, channelId).visitorId)));
    expect(streams.map((client) => client.status)).toEqual([200, 200, 200]);
    const refused = await open(byAddress.url, channelId, issueWebchatVisitor(secretKey, channelId).visitorId);
    expect(refused.status).toBe(429);
    expect(Number(refused.response.headers['retry-after'])).toBeGreaterThan(0);
    // A stream that ends frees its place.
    streams[0]?.close();
    await until('the closed stream to leave the count', () => byAddress.app.webchatStreams?.stats().streams === 2);
    expect((await open(byAddress.url, channelId, issueWebchatVisitor(secretKey, channelId).visitorId)).status).toBe(200);

    const byProcess = await startApi({ perProcess: 2 });
    await open(byProcess.url, channelId, issueWebchatVisitor(secretKey, channelId).visitorId);
    await open(byProcess.url, channelId, issueWebchatVisitor(secretKey, channelId).visitorId);
    const busy = await open(byProcess.url, channelId, issueWebchatVisitor(secretKey, channelId).visitorId);
    expect(busy.status).toBe(503);
    expect(busy.response.headers['retry-after']).toBe('5');
  });
});

describe('one fetch per visitor', () => {
  it('costs a reply the same database queries with 1 stream open or 100', async () => {
    const counting = countingDb();
    const { url } = await startApi({ perVisitor: 100, perAddress: 1_000 }, counting.db);
    const channelId = await newChannel();
    const { visitorId } = issueWebchatVisitor(secretKey, channelId);

    const measure = async (streams: RawSseClient[], text: string): Promise<number> => {
      await until('every stream to be live', () => streams.every(ready));
      await sleep(100);
      const before = counting.queries();
      await deliver(channelId, visitorId, text);
      await until(`"${text}" on every stream`, () => streams.every((client) => client.messages.some((event) => event.data.includes(text))));
      await sleep(300); // anything a stream would still fetch on its own
      return counting.queries() - before;
    };

    const first = await open(url, channelId, visitorId);
    const one = await measure([first], 'to one');
    const more = await Promise.all(Array.from({ length: 99 }, () => open(url, channelId, visitorId)));
    const hundred = await measure([first, ...more], 'to a hundred');
    expect(one).toBe(1);
    expect(hundred).toBe(one);
    // Each stream got each reply once.
    expect(first.messages.map((event) => JSON.parse(event.data).text)).toEqual(['to one', 'to a hundred']);
    for (const client of more) expect(client.messages).toHaveLength(1);
  });
});

describe('streams that end', () => {
  it('ends a stream after its lifetime with `event: reconnect`', async () => {
    const { url } = await startApi({ lifetimeMs: 1_000 });
    const channelId = await newChannel();
    const client = await open(url, channelId, issueWebchatVisitor(secretKey, channelId).visitorId);
    const started = Date.now();
    await until('the stream to end', () => client.ended, 5_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(client.events.at(-1)).toEqual({ event: 'reconnect', data: '{"reason":"lifetime"}' });
  });

  it('drops a reader that lets replies pile up unread, while the visitor\'s other stream gets every reply', async () => {
    const { url, app } = await startApi({ maxBufferedBytes: 64 * 1_024 });
    const channelId = await newChannel();
    const { visitorId } = issueWebchatVisitor(secretKey, channelId);
    const slow = await open(url, channelId, visitorId);
    const fast = await open(url, channelId, visitorId);
    await until('both streams live', () => ready(slow) && ready(fast));
    slow.pause();
    const big = 'x'.repeat(256 * 1_024);
    for (let index = 0; index < 40; index += 1) await deliver(channelId, visitorId, `${index} ${big}`);
    await until('the fast reader to get all 40 replies', () => fast.messages.length === 40, 20_000);
    await until('the slow reader to be dropped', () => app.webchatStreams?.stats().streams === 1, 10_000);
  });

  it('ends the streams of a channel that is disabled, and of tokens issued before the channel\'s cut-off', async () => {
    const { url } = await startApi({ channelCheckMs: 200 });
    const disabled = await newChannel();
    const onDisabled = await open(url, disabled, issueWebchatVisitor(secretKey, disabled).visitorId);
    const cut = await newChannel();
    const onCut = await open(url, cut, issueWebchatVisitor(secretKey, cut).visitorId);
    await until('both live', () => ready(onDisabled) && ready(onCut));
    await sleep(1_100); // the cut-off below is after these credentials were issued (second resolution)

    await db.channel.update({ where: { id: disabled }, data: { enabled: false } });
    await db.channel.update({ where: { id: cut }, data: { config: { allowedOrigins: ['*'], visitorTokensNotBefore: new Date().toISOString() } } });
    await until('both streams to end', () => onDisabled.ended && onCut.ended, 5_000);
    expect(onDisabled.events.at(-1)).toEqual({ event: 'closed', data: '{"reason":"channel-closed"}' });
    expect(onCut.events.at(-1)).toEqual({ event: 'closed', data: '{"reason":"revoked"}' });
    // New requests: the disabled channel is gone; a ticket from before the cut-off is refused.
    expect((await open(url, disabled, issueWebchatVisitor(secretKey, disabled).visitorId)).status).toBe(404);
    const old = await RawSseClient.open(`${url}/webchat/${cut}/events?ticket=${signWebchatStreamTicket(secretKey, cut, 'v_AAAAAAAAAAAAAAAAAAAAAA', Date.now() - 5_000)}`);
    expect(old.status).toBe(401);
    await sleep(1_000); // credentials carry whole seconds: one issued in the cut-off's second stands
    expect((await open(url, cut, issueWebchatVisitor(secretKey, cut).visitorId)).status).toBe(200);
  });
});
