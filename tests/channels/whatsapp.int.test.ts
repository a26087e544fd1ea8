import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signWhatsAppPayload } from '@parley/channels';
import { demoFlow } from '@parley/engine';
import { startPlatform, type Platform } from '../support/start-platform';
import { expectNoSecretsInLogs } from '../support/expect-no-secrets-in-logs';
import { waitFor } from '../support/wait-for';
import { addChannel } from './support/add-channel';
import { field, type FakeChannelApi, type RecordedRequest } from './support/fake-channel-api';
import { fakeWhatsAppApi } from './support/fake-whatsapp-api';
import { shopFlow } from './support/shop-flow';

/**
 * WhatsApp end to end, through real processes: Meta (this test) → signed
 * webhook → API ingress → queue → worker → engine → reply rendered for the
 * Cloud API → a local fake of graph.facebook.com that records the exact request.
 */
const phoneNumberId = '106540352242922';
const graphVersion = 'v21.0';
const accessToken = `EAAG${randomBytes(24).toString('hex')}`;
const appSecret = randomBytes(16).toString('hex');
const verifyToken = 'meatyhamhock';
const fixtures = resolve(import.meta.dirname, '../../libs/channels/src/fixtures');

let platform: Platform;
let graph: FakeChannelApi;
let apiUrl = '';
let channelId = '';

beforeAll(async () => {
  graph = fakeWhatsAppApi({ graphVersion, phoneNumberId, accessToken });
  const graphBaseUrl = await graph.start();
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_whatsapp`,
    // Every log line is written (debug) so the last test can check none carries a secret.
    apiEnv: { LOG_LEVEL: 'debug' },
    workerEnv: { LOG_LEVEL: 'debug' },
    flow: demoFlow,
  });
  apiUrl = platform.apiUrls[0] ?? '';
  channelId = await addChannel(platform, {
    type: 'whatsapp',
    flow: shopFlow,
    config: { graphBaseUrl, graphVersion, phoneNumberId },
    secrets: { accessToken, appSecret, verifyToken },
  });
});

afterAll(async () => {
  await platform?.stop();
  await graph?.stop();
});

const newContact = (): string => `1650555${randomInt(1_000_000, 9_999_999)}`;
const newWamid = (): string => `wamid.${randomBytes(24).toString('base64')}`;

function webhook(value: Record<string, unknown>, phoneId = phoneNumberId): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneId }, ...value },
            field: 'messages',
          },
        ],
      },
    ],
  });
}

const textMessage = (from: string, body: string, id = newWamid()) => ({ from, id, timestamp: '1749416383', type: 'text', text: { body } });
const interactiveReply = (from: string, type: 'button_reply' | 'list_reply', title: string) => ({
  from,
  id: newWamid(),
  timestamp: '1739321024',
  type: 'interactive',
  interactive: { type, [type]: { id: title, title } },
});

async function post(rawBody: string, headers: Record<string, string> = { 'x-hub-signature-256': signWhatsAppPayload(rawBody, appSecret) }): Promise<Response> {
  return fetch(`${apiUrl}/webhooks/whatsapp/${channelId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: rawBody });
}

async function sentTo(contact: string, count: number): Promise<RecordedRequest[]> {
  return waitFor(`${count} sends to ${contact}`, () => {
    const sends = graph.requestsWhere((body) => field(body, 'to') === contact);
    return sends.length >= count ? sends : undefined;
  });
}

describe('WhatsApp webhook verification (GET)', () => {
  const handshake = (query: string, id = channelId) => fetch(`${apiUrl}/webhooks/whatsapp/${id}?${query}`);

  it('answers hub.challenge as text/plain when the verify token matches', async () => {
    const response = await handshake(`hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${verifyToken}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('1158201444');
  });

  it('answers 403 for a wrong token or mode, 404 for an unknown channel', async () => {
    expect((await handshake('hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong')).status).toBe(403);
    expect((await handshake(`hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=${verifyToken}`)).status).toBe(403);
    expect((await handshake('hub.mode=subscribe&hub.challenge=1')).status).toBe(403);
    expect((await handshake(`hub.mode=subscribe&hub.challenge=1&hub.verify_token=${verifyToken}`, platform.channelId)).status).toBe(404);
  });
});

describe('WhatsApp conversation, end to end', () => {
  it('answers with reply buttons, then a list, then a text with a link preview — exact Cloud API requests', async () => {
    const contact = newContact();
    expect((await post(webhook({ contacts: [{ profile: { name: 'Ana' }, wa_id: contact }], messages: [textMessage(contact, 'hi')] }))).status).toBe(200);

    const [greeting] = await sentTo(contact, 1);
    expect(greeting?.method).toBe('POST');
    expect(greeting?.path).toBe(`/${graphVersion}/${phoneNumberId}/messages`);
    expect(greeting?.headers['authorization']).toBe(`Bearer ${accessToken}`);
    expect(greeting?.headers['content-type']).toBe('application/json');
    expect(greeting?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: contact,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Hi! Pick a color' },
        action: {
          buttons: ['Red', 'Green', 'Blue'].map((label) => ({ type: 'reply', reply: { id: label, title: label } })),
        },
      },
    });

    expect((await post(webhook({ messages: [interactiveReply(contact, 'button_reply', 'Green')] }))).status).toBe(200);
    const sizes = (await sentTo(contact, 2))[1];
    expect(sizes?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: contact,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Pick a size' },
        action: {
          button: 'Choose',
          sections: [{ title: 'Choose', rows: ['XS', 'S', 'M', 'L', 'XL'].map((label) => ({ id: label, title: label })) }],
        },
      },
    });

    expect((await post(webhook({ messages: [interactiveReply(contact, 'list_reply', 'M')] }))).status).toBe(200);
    const done = (await sentTo(contact, 3))[2];
    expect(done?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: contact,
      type: 'text',
      text: { preview_url: true, body: 'You chose Green M: https://parley.dev/shop' },
    });

    const inbound = await platform.db.message.findMany({ where: { channelId, contact, direction: 'inbound' }, orderBy: { seq: 'asc' } });
    expect(inbound.map((message) => message.text)).toEqual(['hi', 'Green', 'M']);
    expect(inbound[1]?.payload).toMatchObject({ type: 'interactive', interactive: { type: 'button_reply', id: 'Green', title: 'Green' } });
    expect(inbound[0]?.payload).toMatchObject({ profileName: 'Ana' });
    await waitFor('replies marked sent', async () => {
      const sent = await platform.db.message.count({ where: { channelId, contact, direction: 'outbound', status: 'sent' } });
      return sent === 3 ? true : undefined;
    });
  });

  it("accepts Meta's documented text payload byte for byte", async () => {
    const raw = readFileSync(resolve(fixtures, 'whatsapp-text-message.json'), 'utf8');
    const response = await post(raw);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', accepted: 1, duplicates: 0, statuses: 0 });
    const [greeting] = await sentTo('16505551234', 1);
    expect(field(greeting?.body, 'type')).toBe('interactive');
  });

  it('stores and answers every message of a batched POST', async () => {
    const [first, second] = [newContact(), newContact()];
    const response = await post(webhook({ messages: [textMessage(first, 'hello'), textMessage(second, 'hola')] }));
    expect(await response.json()).toMatchObject({ accepted: 2 });
    await sentTo(first, 1);
    await sentTo(second, 1);
  });

  it('keeps a non-text message as empty text with its type', async () => {
    const contact = newContact();
    const image = { from: contact, id: newWamid(), timestamp: '1744344496', type: 'image', image: { mime_type: 'image/jpeg', id: '1003383421387256' } };
    expect((await post(webhook({ messages: [image] }))).status).toBe(200);
    const stored = await platform.db.message.findFirstOrThrow({ where: { channelId, contact, direction: 'inbound' } });
    expect([stored.text, stored.payload]).toEqual(['', expect.objectContaining({ text: '', type: 'image' })]);
    await sentTo(contact, 1);
  });

  it('acknowledges a redelivered wamid once: one row, one reply', async () => {
    const contact = newContact();
    const raw = webhook({ messages: [textMessage(contact, 'hi')] });
    expect((await post(raw)).status).toBe(200);
    await sentTo(contact, 1);
    const again = await post(raw);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    await new Promise((done) => setTimeout(done, 1500));
    expect(graph.requestsWhere((body) => field(body, 'to') === contact)).toHaveLength(1);
    expect(await platform.db.message.count({ where: { channelId, contact, direction: 'inbound' } })).toBe(1);
  });

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const contact = newContact();
    const raw = webhook({ messages: [textMessage(contact, 'hi')] });
    expect((await post(raw, {})).status).toBe(401);
    expect((await post(raw, { 'x-hub-signature-256': signWhatsAppPayload(raw, 'not-the-app-secret') })).status).toBe(401);
    const reserialized = JSON.stringify(JSON.parse(raw), null, 1);
    expect((await post(reserialized, { 'x-hub-signature-256': signWhatsAppPayload(raw, appSecret) })).status).toBe(401);
    expect(await platform.db.message.count({ where: { channelId, contact } })).toBe(0);
  });

  it("skips messages for another phone number id (answering 200, so Meta doesn't retry)", async () => {
    const contact = newContact();
    const response = await post(webhook({ messages: [textMessage(contact, 'hi')] }, '999999999'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 0 });
    expect(await platform.db.message.count({ where: { channelId, contact } })).toBe(0);
  });
});

describe('WhatsApp status callbacks', () => {
  it('records sent, delivered, read and failed once each, keyed by the wamid the send returned, on the reply row', async () => {
    const contact = newContact();
    await post(webhook({ messages: [textMessage(contact, 'hi')] }));
    const [greeting] = await sentTo(contact, 1);
    const [sent] = [field(greeting?.answer?.body, 'messages')].flat();
    const wamid = String(field(sent, 'id'));
    expect(wamid).toMatch(/^wamid\./);
    // The reply is marked sent with the wamid the fake answered (a callback before that links nothing).
    const reply = await waitFor('reply marked sent with its wamid', async () => {
      const row = await platform.db.message.findFirst({ where: { channelId, contact, direction: 'outbound', status: 'sent', providerMessageId: wamid } });
      return row ?? undefined;
    });
    expect(reply.deliveryStatus).toBeNull();
    const failedWamid = newWamid();
    const statuses = webhook({
      statuses: [
        { id: wamid, status: 'sent', timestamp: '1750263773', recipient_id: contact },
        { id: wamid, status: 'delivered', timestamp: '1750263774', recipient_id: contact },
        { id: wamid, status: 'read', timestamp: '1750263801', recipient_id: contact },
        {
          id: failedWamid,
          status: 'failed',
          timestamp: '1750263832',
          recipient_id: contact,
          errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'More than 24 hours have passed.' } }],
        },
      ],
    });
    const response = await post(statuses);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', accepted: 0, duplicates: 0, statuses: 4 });
    expect((await post(statuses)).status).toBe(200);
    // A late, out-of-order 'delivered' does not take the 'read' back.
    const late = webhook({ statuses: [{ id: wamid, status: 'delivered', timestamp: '1750263900', recipient_id: contact }] });
    expect((await post(late)).status).toBe(200);

    expect(await platform.db.message.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({
      providerMessageId: wamid,
      deliveryStatus: 'read',
      deliveryStatusAt: new Date('2025-06-18T16:23:21.000Z'),
    });

    const events = await platform.db.analyticsEvent.findMany({ where: { type: 'message.status', payload: { path: ['recipient'], equals: contact } } });
    const payloads = events.map((event) => event.payload);
    expect(payloads).toHaveLength(4);
    expect(payloads).toEqual(
      expect.arrayContaining([
        { channelId, channelMessageId: wamid, status: 'sent', at: '2025-06-18T16:22:53.000Z', recipient: contact, messageId: reply.id },
        { channelId, channelMessageId: wamid, status: 'delivered', at: '2025-06-18T16:22:54.000Z', recipient: contact, messageId: reply.id },
        { channelId, channelMessageId: wamid, status: 'read', at: '2025-06-18T16:23:21.000Z', recipient: contact, messageId: reply.id },
        {
          channelId,
          channelMessageId: failedWamid,
          status: 'failed',
          at: '2025-06-18T16:23:52.000Z',
          recipient: contact,
          error: { code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', details: 'More than 24 hours have passed.' },
        },
      ]),
    );
    const channel = await platform.db.channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(events.every((event) => event.workspaceId === channel.workspaceId && event.botId === channel.botId)).toBe(true);
  });
});

describe('logs', () => {
  it('carry no secret or token of the whole conversation above (runs last)', () => {
    expectNoSecretsInLogs(platform, { accessToken, appSecret, verifyToken, secretKey: platform.env.PARLEY_SECRET_KEY ?? '' });
  });
});
