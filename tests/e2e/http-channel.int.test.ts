import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateWebhookSecret, signHttpPayload } from '@parley/channels';
import { demoFlow } from '@parley/engine';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * One conversation end to end, through real processes:
 * channel (this test) → API ingress → Redis queue → worker → engine → reply
 * POSTed to a local receiver. Postgres and Redis are the real local services.
 */
let platform: Platform;
let apiUrl = '';
let channelId = '';

beforeAll(async () => {
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_e2e`,
    flow: demoFlow,
  });
  apiUrl = platform.apiUrls[0] ?? '';
  channelId = platform.channelId;
});

afterAll(async () => {
  await platform?.stop();
});

describe('generic HTTP channel, end to end', () => {
  it('answers a first message and continues the same session with the second', async () => {
    const contact = `user-${randomUUID()}`;
    const first = await platform.post({ messageId: randomUUID(), from: contact, text: 'hi' });
    expect(first.status).toBe(202);
    const [greeting] = await waitFor('the greeting', () => {
      const replies = platform.receiver.repliesTo(contact);
      return replies.length >= 1 ? replies : undefined;
    });
    expect(greeting?.text).toBe("Hi! I'm the Parley demo bot. What's your name?");
    expect(greeting?.signatureValid).toBe(true);

    const second = await platform.post({ messageId: randomUUID(), from: contact, text: 'Ana' });
    expect(second.status).toBe(202);
    const replies = await waitFor('the second reply', () => {
      const all = platform.receiver.repliesTo(contact);
      return all.length >= 2 ? all : undefined;
    });
    expect(replies[1]?.text).toBe('Nice to meet you, Ana! Ask me anything, or say bye.');
    expect(replies[1]?.sessionId).toBe(replies[0]?.sessionId);
    const sessions = await platform.db.session.findMany({ where: { channelId, contact } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.status).toBe('active');
  });

  it('acknowledges a repeated messageId without replying twice', async () => {
    const contact = `user-${randomUUID()}`;
    const messageId = randomUUID();
    const first = await platform.post({ messageId, from: contact, text: 'hi' });
    expect(first.status).toBe(202);
    await waitFor('the greeting', () => (platform.receiver.repliesTo(contact).length === 1 ? true : undefined));
    const again = await platform.post({ messageId, from: contact, text: 'hi' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    await new Promise((done) => setTimeout(done, 1500));
    expect(platform.receiver.repliesTo(contact)).toHaveLength(1);
    expect(await platform.db.message.count({ where: { channelId, contact, direction: 'inbound' } })).toBe(1);
  });

  it('refuses a forged signature with 401 and stores nothing', async () => {
    const contact = `user-${randomUUID()}`;
    const forged = await platform.post({ messageId: randomUUID(), from: contact, text: 'hi' }, { secret: generateWebhookSecret() });
    expect(forged.status).toBe(401);
    const unsigned = await fetch(`${apiUrl}/webhooks/http/${channelId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId: randomUUID(), from: contact, text: 'hi' }),
    });
    expect(unsigned.status).toBe(401);
    expect(await platform.db.message.count({ where: { channelId, contact } })).toBe(0);
  });

  it('refuses a malformed body with 400 naming the field', async () => {
    const response = await platform.post({ messageId: randomUUID(), text: 'no sender' });
    expect(response.status).toBe(400);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ field: 'from' });
    const notJson = await fetch(`${apiUrl}/webhooks/http/${channelId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"messageId":',
    });
    expect(notJson.status).toBe(400);
    // Every 400 has the same shape: error, the field, a message naming the rule.
    expect(await notJson.json()).toEqual({ error: 'invalid_body', field: 'body', message: 'body: not valid JSON' });
  });

  it('refuses another content type with 415 naming the accepted one, even when correctly signed', async () => {
    const contact = `user-${randomUUID()}`;
    const messageId = randomUUID();
    const body = JSON.stringify({ messageId, from: contact, text: 'hi' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${apiUrl}/webhooks/http/${channelId}`, {
        method: 'POST',
        headers: { 'content-type': type, ...signHttpPayload(body, platform.webhookSecret, messageId, new Date()) },
        body,
      });
      expect(response.status).toBe(415);
      expect(response.headers.get('accept-post')).toBe('application/json');
      expect(await response.json()).toEqual({ error: 'unsupported_media_type', message: 'Content-Type must be application/json', accepted: ['application/json'] });
    }
    expect(await platform.db.message.count({ where: { channelId, contact } })).toBe(0);
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
