import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateWebhookSecret, signHttpPayload } from '@parley/channels';
import { createBot, createChannel, createDb, createWorkspace, publishBot, type Db } from '@parley/db';
import { demoFlow } from '@parley/engine';
import { freePort } from '../support/free-port';
import { ReplyReceiver } from '../support/reply-receiver';
import { spawnApp, waitUntilReady, type AppProcess } from '../support/spawn-app';
import { waitFor } from '../support/wait-for';

/**
 * One conversation end to end, through real processes:
 * channel (this test) → API ingress → Redis queue → worker → engine → reply
 * POSTed to a local receiver. Postgres and Redis are the real local services.
 */
const secretKey = 'a'.repeat(64);
const databaseUrl = inject('databaseUrl');
const redisUrl = inject('redisUrl');
const prefix = `${inject('redisPrefix')}_e2e`;

let db: Db;
let api: AppProcess;
let worker: AppProcess;
let apiUrl = '';
let channelId = '';
let webhookSecret = '';
const receiver = new ReplyReceiver('');

async function post(body: unknown, options: { secret?: string; messageId?: string } = {}): Promise<Response> {
  const raw = JSON.stringify(body);
  const id = options.messageId ?? randomUUID();
  const headers = signHttpPayload(raw, options.secret ?? webhookSecret, id, new Date());
  return fetch(`${apiUrl}/webhooks/http/${channelId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw,
  });
}

beforeAll(async () => {
  db = createDb(databaseUrl);
  webhookSecret = generateWebhookSecret();
  Object.assign(receiver, { secret: webhookSecret });
  const outboundUrl = await receiver.start();
  const workspace = await createWorkspace(db, { name: 'E2E', slug: `e2e-${randomUUID().slice(0, 8)}` });
  const bot = await createBot(db, { workspaceId: workspace.id, name: 'Demo', draft: demoFlow });
  await publishBot(db, bot.id);
  const channel = await createChannel(
    db,
    { workspaceId: workspace.id, botId: bot.id, type: 'http', name: 'test', config: { outboundUrl }, secrets: { webhookSecret } },
    secretKey,
  );
  channelId = channel.id;

  const port = await freePort();
  apiUrl = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, PARLEY_SECRET_KEY: secretKey };
  api = spawnApp('api', { ...env, API_PORT: String(port) });
  worker = spawnApp('worker', env);
  await waitUntilReady(`${apiUrl}/readyz`, api);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await receiver.stop();
  await db?.$disconnect();
});

describe('generic HTTP channel, end to end', () => {
  it('answers a first message and continues the same session with the second', async () => {
    const contact = `user-${randomUUID()}`;
    const first = await post({ messageId: randomUUID(), from: contact, text: 'hi' });
    expect(first.status).toBe(202);
    const [greeting] = await waitFor('the greeting', () => {
      const replies = receiver.repliesTo(contact);
      return replies.length >= 1 ? replies : undefined;
    });
    expect(greeting?.text).toBe("Hi! I'm the Parley demo bot. What's your name?");
    expect(greeting?.signatureValid).toBe(true);

    const second = await post({ messageId: randomUUID(), from: contact, text: 'Ana' });
    expect(second.status).toBe(202);
    const replies = await waitFor('the second reply', () => {
      const all = receiver.repliesTo(contact);
      return all.length >= 2 ? all : undefined;
    });
    expect(replies[1]?.text).toBe('Nice to meet you, Ana! Ask me anything, or say bye.');
    expect(replies[1]?.sessionId).toBe(replies[0]?.sessionId);
    const sessions = await db.session.findMany({ where: { channelId, contact } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.status).toBe('active');
  });

  it('acknowledges a repeated messageId without replying twice', async () => {
    const contact = `user-${randomUUID()}`;
    const messageId = randomUUID();
    const first = await post({ messageId, from: contact, text: 'hi' });
    expect(first.status).toBe(202);
    await waitFor('the greeting', () => (receiver.repliesTo(contact).length === 1 ? true : undefined));
    const again = await post({ messageId, from: contact, text: 'hi' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    await new Promise((done) => setTimeout(done, 1500));
    expect(receiver.repliesTo(contact)).toHaveLength(1);
    expect(await db.message.count({ where: { channelId, contact, direction: 'inbound' } })).toBe(1);
  });

  it('refuses a forged signature with 401 and stores nothing', async () => {
    const contact = `user-${randomUUID()}`;
    const forged = await post({ messageId: randomUUID(), from: contact, text: 'hi' }, { secret: generateWebhookSecret() });
    expect(forged.status).toBe(401);
    const unsigned = await fetch(`${apiUrl}/webhooks/http/${channelId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId: randomUUID(), from: contact, text: 'hi' }),
    });
    expect(unsigned.status).toBe(401);
    expect(await db.message.count({ where: { channelId, contact } })).toBe(0);
  });

  it('refuses a malformed body with 400 naming the field', async () => {
    const response = await post({ messageId: randomUUID(), text: 'no sender' });
    expect(response.status).toBe(400);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ field: 'from' });
    const notJson = await fetch(`${apiUrl}/webhooks/http/${channelId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"messageId":',
    });
    expect(notJson.status).toBe(400);
  });

  it('answers 404 for an unknown channel', async () => {
    const response = await fetch(`${apiUrl}/webhooks/http/nope`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(404);
  });
});
