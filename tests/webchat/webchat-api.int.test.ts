import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { signWebchatVisitorToken } from '@parley/channels';
import { echoFlow } from '../support/echo-flow';
import { expectNoSecretsInLogs } from '../support/expect-no-secrets-in-logs';
import { startPlatform, type Platform } from '../support/start-platform';
import { addWebchatChannel } from './add-webchat-channel';
import { ownDatabase } from './own-database';
import { quickReplyFlow } from './quick-reply-flow';
import { SseStream } from './sse-stream';

/**
 * The web chat API through real processes: two API processes and a worker on
 * the run's Postgres and Redis. A visitor's messages go in on one API process
 * and the bot's replies come out as server-sent events on the other (the
 * worker publishes on Redis, every API process subscribes).
 */

const visitorSchema = z.object({
  visitorId: z.string(),
  token: z.string(),
  resumed: z.boolean(),
  title: z.string(),
  welcomeText: z.string().nullable(),
});
const entrySchema = z.object({
  seq: z.string(),
  id: z.string(),
  from: z.enum(['visitor', 'bot']),
  text: z.string(),
  buttons: z.array(z.object({ label: z.string() })),
  clientMessageId: z.string().optional(),
});
type Entry = z.infer<typeof entrySchema>;
const historySchema = z.object({ messages: z.array(entrySchema), cursor: z.string() });

const origin = 'https://shop.example';
let platform: Platform;
let database: Awaited<ReturnType<typeof ownDatabase>> | undefined;
let channelId = '';
let otherChannelId = '';
let api0 = '';
let api1 = '';
const streams: SseStream[] = [];
/** Every visitor token and stream ticket handed out (none may appear in a log line). */
const credentials: string[] = [];

beforeAll(async () => {
  database = await ownDatabase();
  platform = await startPlatform({
    databaseUrl: database.url,
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_webchat_api`,
    flow: echoFlow,
    apis: 2,
    // Every log line is written (debug) so the last test can check none carries a token.
    apiEnv: { LOG_LEVEL: 'debug' },
    workerEnv: { LOG_LEVEL: 'debug' },
  });
  [api0 = '', api1 = ''] = platform.apiUrls;
  channelId = await addWebchatChannel(platform, { allowedOrigins: [origin], title: 'Shop help', welcomeText: 'Ask us anything.' }, quickReplyFlow);
  otherChannelId = await addWebchatChannel(platform, { allowedOrigins: ['*'] });
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await platform?.stop();
  await database?.drop();
});

async function newVisitor(api = api0): Promise<{ visitorId: string; token: string }> {
  const response = await fetch(`${api}/webchat/${channelId}/sessions`, { method: 'POST', headers: { origin } });
  expect(response.status).toBe(201);
  const visitor = visitorSchema.parse(await response.json());
  credentials.push(visitor.token);
  return visitor;
}

function postMessage(token: string, body: unknown, api = api0): Promise<Response> {
  return fetch(`${api}/webchat/${channelId}/messages`, {
    method: 'POST',
    headers: { origin, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A one-minute stream ticket for the visitor of `token` (what the widget does before each EventSource). */
async function ticketFor(token: string, api = api0): Promise<string> {
  const response = await fetch(`${api}/webchat/${channelId}/stream-tickets`, { method: 'POST', headers: { origin, authorization: `Bearer ${token}` } });
  expect(response.status).toBe(201);
  const { ticket } = z.object({ ticket: z.string(), expiresAt: z.iso.datetime() }).parse(await response.json());
  credentials.push(ticket);
  return ticket;
}

async function openEvents(token: string, options: { api?: string; lastEventId?: string } = {}): Promise<SseStream> {
  const headers: Record<string, string> = { origin };
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  const stream = await SseStream.open(`${options.api ?? api1}/webchat/${channelId}/events?ticket=${encodeURIComponent(await ticketFor(token))}`, headers);
  streams.push(stream);
  return stream;
}

function replies(stream: SseStream): Entry[] {
  return stream.messages.map((event) => entrySchema.parse(JSON.parse(event.data)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('web chat sessions', () => {
  it('issues a visitor token, and resumes the same visitor with it', async () => {
    const created = await fetch(`${api0}/webchat/${channelId}/sessions`, { method: 'POST', headers: { origin } });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(origin);
    const visitor = visitorSchema.parse(await created.json());
    expect(visitor).toMatchObject({ resumed: false, title: 'Shop help', welcomeText: 'Ask us anything.' });
    expect(visitor.visitorId).toMatch(/^v_/);

    const resumed = await fetch(`${api1}/webchat/${channelId}/sessions`, { method: 'POST', headers: { origin, authorization: `Bearer ${visitor.token}` } });
    expect(resumed.status).toBe(200);
    // The same visitor, with a fresh token (a sliding expiry: issued now, not when the first one was).
    const again = visitorSchema.parse(await resumed.json());
    expect(again).toMatchObject({ visitorId: visitor.visitorId, resumed: true });
    expect(again.token.startsWith(`wct2.${visitor.visitorId}.`)).toBe(true);
  });

  it('starts a new visitor when the presented token is not valid for this channel', async () => {
    const other = await fetch(`${api0}/webchat/${otherChannelId}/sessions`, { method: 'POST' });
    const foreign = visitorSchema.parse(await other.json());
    const response = await fetch(`${api0}/webchat/${channelId}/sessions`, { method: 'POST', headers: { origin, authorization: `Bearer ${foreign.token}` } });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ resumed: false });
  });
});

describe('a web chat conversation', () => {
  it('delivers replies on the event stream of another API process, in order, with quick replies', async () => {
    const visitor = await newVisitor();
    const events = await openEvents(visitor.token, { api: api1 });
    expect(events.response.status).toBe(200);
    expect(events.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(events.response.headers.get('access-control-allow-origin')).toBe(origin);
    await events.ready();

    const first = await postMessage(visitor.token, { clientMessageId: 'c1', text: 'hi' }, api0);
    expect(first.status).toBe(202);
    await events.waitFor('the greeting', () => replies(events).length >= 1);
    expect(replies(events)[0]).toMatchObject({ from: 'bot', text: 'ready', buttons: [{ label: 'Yes' }, { label: 'No' }] });
    expect(events.messages[0]?.id).toBe(replies(events)[0]?.seq);

    expect((await postMessage(visitor.token, { clientMessageId: 'c2', text: 'Yes' }, api1)).status).toBe(202);
    await events.waitFor('the echo', () => replies(events).length >= 2);
    expect(replies(events).map((entry) => entry.text)).toEqual(['ready', 'echo Yes']);
    expect(BigInt(replies(events)[1]?.seq ?? 0)).toBeGreaterThan(BigInt(replies(events)[0]?.seq ?? 0));

    // A retried POST (same clientMessageId) is stored once and answered once.
    const retried = await postMessage(visitor.token, { clientMessageId: 'c2', text: 'Yes' }, api0);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ status: 'duplicate' });
    await sleep(1500);
    expect(replies(events)).toHaveLength(2);
    expect(await platform.db.message.count({ where: { channelId, contact: visitor.visitorId, direction: 'inbound' } })).toBe(2);
    const sessions = await platform.db.session.findMany({ where: { channelId, contact: visitor.visitorId } });
    expect(sessions).toHaveLength(1);
    events.close();
  });

  it('replays after Last-Event-ID exactly once, and nothing without one', async () => {
    const visitor = await newVisitor();
    const live = await openEvents(visitor.token, { api: api0 });
    await live.ready();
    await postMessage(visitor.token, { clientMessageId: 'a', text: 'one' });
    await live.waitFor('the greeting', () => replies(live).length >= 1);
    await postMessage(visitor.token, { clientMessageId: 'b', text: 'two' });
    await postMessage(visitor.token, { clientMessageId: 'c', text: 'three' });
    await live.waitFor('three replies', () => replies(live).length >= 3);
    live.close();
    const [greeting, second, third] = live.messages;
    expect(replies(live).map((entry) => entry.text)).toEqual(['ready', 'echo two', 'echo three']);

    // Reconnect having seen only the greeting: the two later replies, once each.
    const resumed = await openEvents(visitor.token, { api: api1, lastEventId: greeting?.id ?? '' });
    await resumed.ready();
    expect(resumed.messages.map((event) => event.id)).toEqual([second?.id, third?.id]);
    // A new reply arrives after the replay, still exactly once.
    await postMessage(visitor.token, { clientMessageId: 'd', text: 'four' });
    await resumed.waitFor('the live reply', () => replies(resumed).length >= 3);
    await sleep(500);
    expect(replies(resumed).map((entry) => entry.text)).toEqual(['echo two', 'echo three', 'echo four']);
    resumed.close();

    // Up to date: nothing is replayed. The query-string form (a fresh EventSource) works the same,
    // and so does the visitor token in the Authorization header (clients that can set one).
    const last = resumed.messages.at(-1)?.id ?? '';
    const upToDate = await SseStream.open(`${api0}/webchat/${channelId}/events?lastEventId=${last}`, { origin, authorization: `Bearer ${visitor.token}` });
    streams.push(upToDate);
    await upToDate.ready();
    await sleep(500);
    expect(upToDate.messages).toEqual([]);
    upToDate.close();

    // No Last-Event-ID: the stream starts at the present, nothing old is replayed.
    const fresh = await openEvents(visitor.token);
    await fresh.ready();
    await sleep(500);
    expect(fresh.messages).toEqual([]);
    fresh.close();
  });

  it('returns the conversation so far for a page reload, oldest first, with the cursor to stream from', async () => {
    const visitor = await newVisitor();
    const events = await openEvents(visitor.token);
    await events.ready();
    await postMessage(visitor.token, { clientMessageId: 'h1', text: 'hi' });
    await events.waitFor('the greeting', () => replies(events).length >= 1);
    await postMessage(visitor.token, { clientMessageId: 'h2', text: 'No' });
    await events.waitFor('the echo', () => replies(events).length >= 2);
    events.close();

    const response = await fetch(`${api0}/webchat/${channelId}/history`, { headers: { origin, authorization: `Bearer ${visitor.token}` } });
    expect(response.status).toBe(200);
    const history = historySchema.parse(await response.json());
    expect(history.messages.map((entry) => [entry.from, entry.text])).toEqual([
      ['visitor', 'hi'],
      ['bot', 'ready'],
      ['visitor', 'No'],
      ['bot', 'echo No'],
    ]);
    expect(history.messages[0]?.clientMessageId).toBe('h1');
    expect(history.messages[1]?.buttons).toEqual([{ label: 'Yes' }, { label: 'No' }]);
    expect(history.cursor).toBe(events.messages.at(-1)?.id);

    // After the "reload" the conversation continues in the same session.
    const again = await openEvents(visitor.token, { lastEventId: history.cursor });
    await again.ready();
    expect(again.messages).toEqual([]);
    await postMessage(visitor.token, { clientMessageId: 'h3', text: 'more' });
    await again.waitFor('the next reply', () => replies(again).length >= 1);
    expect(replies(again)[0]?.text).toBe('echo more');
    expect(await platform.db.session.count({ where: { channelId, contact: visitor.visitorId } })).toBe(1);
    again.close();
  });
});

describe('web chat refusals', () => {
  it('refuses forged, tampered and foreign tokens with 401', async () => {
    const visitor = await newVisitor();
    const forged = signWebchatVisitorToken('f'.repeat(64), channelId, visitor.visitorId);
    const tampered = `${visitor.token.slice(0, -2)}${visitor.token.endsWith('AA') ? 'BB' : 'AA'}`;
    const foreign = signWebchatVisitorToken(platform.env.PARLEY_SECRET_KEY ?? '', otherChannelId, visitor.visitorId);
    for (const token of [forged, tampered, foreign, 'garbage']) {
      expect((await postMessage(token, { clientMessageId: randomUUID(), text: 'hi' })).status).toBe(401);
      const history = await fetch(`${api0}/webchat/${channelId}/history`, { headers: { origin, authorization: `Bearer ${token}` } });
      expect(history.status).toBe(401);
      const ticket = await fetch(`${api0}/webchat/${channelId}/stream-tickets`, { method: 'POST', headers: { origin, authorization: `Bearer ${token}` } });
      expect(ticket.status).toBe(401);
      const events = await fetch(`${api0}/webchat/${channelId}/events`, { headers: { origin, authorization: `Bearer ${token}` } });
      expect(events.status).toBe(401);
    }
    // The long-lived token never opens a stream from the URL (it would end up in proxy logs), however valid.
    const inUrl = await fetch(`${api0}/webchat/${channelId}/events?token=${encodeURIComponent(visitor.token)}`, { headers: { origin } });
    expect(inUrl.status).toBe(401);
    expect(await inUrl.json()).toMatchObject({ error: 'invalid_token', message: 'Visitor token refused: missing-token' });
    expect((await fetch(`${api0}/webchat/${channelId}/history`, { headers: { origin } })).status).toBe(401);
    expect(await platform.db.message.count({ where: { channelId, contact: visitor.visitorId } })).toBe(0);
  });

  it('refuses an origin not on allowedOrigins (no CORS headers), and answers preflights for allowed ones', async () => {
    const evil = 'https://evil.example';
    const visitor = await newVisitor();
    const preflight = await fetch(`${api0}/webchat/${channelId}/messages`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

    const refusedPreflight = await fetch(`${api0}/webchat/${channelId}/messages`, {
      method: 'OPTIONS',
      headers: { origin: evil, 'access-control-request-method': 'POST' },
    });
    expect(refusedPreflight.status).toBe(403);
    expect(refusedPreflight.headers.get('access-control-allow-origin')).toBeNull();

    const session = await fetch(`${api0}/webchat/${channelId}/sessions`, { method: 'POST', headers: { origin: evil } });
    expect(session.status).toBe(403);
    expect(session.headers.get('access-control-allow-origin')).toBeNull();
    const message = await fetch(`${api0}/webchat/${channelId}/messages`, {
      method: 'POST',
      headers: { origin: evil, authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientMessageId: 'x', text: 'hi' }),
    });
    expect(message.status).toBe(403);
    const events = await fetch(`${api0}/webchat/${channelId}/events?ticket=${encodeURIComponent(await ticketFor(visitor.token))}`, { headers: { origin: evil } });
    expect(events.status).toBe(403);
    expect(events.headers.get('access-control-allow-origin')).toBeNull();
    expect(await platform.db.message.count({ where: { channelId, contact: visitor.visitorId } })).toBe(0);
  });

  it('names the bad field of a message body, and 404s for a channel that is not web chat', async () => {
    const visitor = await newVisitor();
    const blank = await postMessage(visitor.token, { clientMessageId: 'ok', text: '   ' });
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ field: 'text' });
    const badId = await postMessage(visitor.token, { clientMessageId: 'has spaces', text: 'hi' });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ field: 'clientMessageId' });
    const http = await fetch(`${api0}/webchat/${platform.channelId}/sessions`, { method: 'POST' });
    expect(http.status).toBe(404);
  });
});

describe('signing out', () => {
  it('revokes the visitor token on every API process and ends its open streams there', async () => {
    const visitor = await newVisitor();
    const events = await openEvents(visitor.token, { api: api1 });
    await events.ready();
    const ticket = await ticketFor(visitor.token);

    const out = await fetch(`${api0}/webchat/${channelId}/sessions`, { method: 'DELETE', headers: { origin, authorization: `Bearer ${visitor.token}` } });
    expect(out.status).toBe(204);
    await events.waitFor('the stream to be closed as revoked', (list) => list.some((event) => event.event === 'closed' && event.data === '{"reason":"revoked"}'));
    for (const api of [api0, api1]) {
      expect((await postMessage(visitor.token, { clientMessageId: randomUUID(), text: 'still me?' }, api)).status).toBe(401);
      const history = await fetch(`${api}/webchat/${channelId}/history`, { headers: { origin, authorization: `Bearer ${visitor.token}` } });
      expect(await history.json()).toMatchObject({ error: 'invalid_token', message: 'Visitor token refused: revoked' });
      // A ticket issued before the sign-out opens nothing either.
      expect((await fetch(`${api}/webchat/${channelId}/events?ticket=${encodeURIComponent(ticket)}`, { headers: { origin } })).status).toBe(401);
    }
    // The revoked token no longer resumes the conversation: a new visitor starts.
    const again = await fetch(`${api1}/webchat/${channelId}/sessions`, { method: 'POST', headers: { origin, authorization: `Bearer ${visitor.token}` } });
    expect(again.status).toBe(201);
    expect(visitorSchema.parse(await again.json()).visitorId).not.toBe(visitor.visitorId);
  });
});

describe('shutdown', () => {
  it('ends open event streams so an API process stops promptly (runs last: stops API 1)', async () => {
    const visitor = await newVisitor();
    const events = await openEvents(visitor.token, { api: api1 });
    await events.ready();
    const started = Date.now();
    expect(await platform.apis[1]?.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    await events.waitFor('the stream to end', () => true);
  });
});

describe('GET /webchat.js', () => {
  it('serves the widget as JavaScript any page may load', async () => {
    const response = await fetch(`${api0}/webchat.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await response.text()).toContain('attachShadow');
  });
});

describe('logs', () => {
  it('carry no visitor token, stream ticket or platform key of the conversations above (runs last)', () => {
    expect(credentials.length).toBeGreaterThan(15);
    expectNoSecretsInLogs(platform, {
      secretKey: platform.env.PARLEY_SECRET_KEY ?? '',
      ...Object.fromEntries(credentials.map((credential, index) => [`credential ${index} (${credential.slice(0, 4)})`, credential])),
    });
  });
});
