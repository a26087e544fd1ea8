import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateWebhookToken } from '@parley/channels';
import { demoFlow } from '@parley/engine';
import { startPlatform, type Platform } from '../support/start-platform';
import { expectNoSecretsInLogs } from '../support/expect-no-secrets-in-logs';
import { waitFor } from '../support/wait-for';
import { addChannel } from './support/add-channel';
import { field, type FakeChannelApi, type RecordedRequest } from './support/fake-channel-api';
import { fakeTelegramApi } from './support/fake-telegram-api';
import { shopFlow } from './support/shop-flow';

/**
 * Telegram end to end, through real processes: Telegram (this test) → webhook
 * with the secret token header → API ingress → queue → worker → engine → reply
 * rendered for the Bot API → a local fake of api.telegram.org that records the
 * exact sendMessage request.
 */
const botToken = `${randomInt(100_000, 999_999)}:AAH${generateWebhookToken()}`;
const webhookSecretToken = generateWebhookToken();
const fixtures = resolve(import.meta.dirname, '../../libs/channels/src/fixtures');

let platform: Platform;
let telegram: FakeChannelApi;
let apiUrl = '';
let channelId = '';

beforeAll(async () => {
  telegram = fakeTelegramApi({ botToken });
  const apiBaseUrl = await telegram.start();
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_telegram`,
    // Every log line is written (debug) so the last test can check none carries a secret.
    apiEnv: { LOG_LEVEL: 'debug' },
    workerEnv: { LOG_LEVEL: 'debug' },
    flow: demoFlow,
  });
  apiUrl = platform.apiUrls[0] ?? '';
  channelId = await addChannel(platform, { type: 'telegram', flow: shopFlow, config: { apiBaseUrl }, secrets: { botToken, webhookSecretToken } });
});

afterAll(async () => {
  await platform?.stop();
  await telegram?.stop();
});

const newChatId = (): number => randomInt(100_000_000, 999_999_999);
const newUpdateId = (): number => randomInt(1, 2 ** 31 - 1);

function message(chatId: number, text: string): Record<string, unknown> {
  return {
    date: 1441645532,
    chat: { id: chatId, type: 'private', first_name: 'Test Firstname', username: 'Testusername' },
    message_id: randomInt(1, 100_000),
    from: { id: chatId, is_bot: false, first_name: 'Test Firstname', username: 'Testusername' },
    text,
  };
}

const textUpdate = (chatId: number, text: string, updateId = newUpdateId()) => ({ update_id: updateId, message: message(chatId, text) });

async function post(update: unknown, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': webhookSecretToken }): Promise<Response> {
  const body = typeof update === 'string' ? update : JSON.stringify(update);
  return fetch(`${apiUrl}/webhooks/telegram/${channelId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

async function sentTo(chatId: number, count: number): Promise<RecordedRequest[]> {
  return waitFor(`${count} sendMessage calls to ${chatId}`, () => {
    const sends = telegram.requestsWhere((body) => field(body, 'chat_id') === chatId);
    return sends.length >= count ? sends : undefined;
  });
}

const keyboard = (...labels: string[]) => ({ keyboard: labels.map((text) => [{ text }]), one_time_keyboard: true, resize_keyboard: true });

describe('Telegram conversation, end to end', () => {
  it('answers with one-time reply keyboards, then a text with a link preview — exact sendMessage requests', async () => {
    const chatId = newChatId();
    const first = await post(textUpdate(chatId, '/start'));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'accepted' });

    const [greeting] = await sentTo(chatId, 1);
    expect(greeting?.method).toBe('POST');
    expect(greeting?.path).toBe(`/bot${botToken}/sendMessage`);
    expect(greeting?.headers['content-type']).toBe('application/json');
    expect(greeting?.body).toEqual({
      chat_id: chatId,
      text: 'Hi! Pick a color',
      reply_markup: keyboard('Red', 'Green', 'Blue'),
      link_preview_options: { is_disabled: true },
    });

    await post(textUpdate(chatId, 'Green'));
    expect((await sentTo(chatId, 2))[1]?.body).toEqual({
      chat_id: chatId,
      text: 'Pick a size',
      reply_markup: keyboard('XS', 'S', 'M', 'L', 'XL'),
      link_preview_options: { is_disabled: true },
    });

    await post(textUpdate(chatId, 'M'));
    expect((await sentTo(chatId, 3))[2]?.body).toEqual({
      chat_id: chatId,
      text: 'You chose Green M: https://parley.dev/shop',
      link_preview_options: { is_disabled: false },
    });

    const contact = String(chatId);
    const inbound = await platform.db.message.findMany({ where: { channelId, contact, direction: 'inbound' }, orderBy: { seq: 'asc' } });
    expect(inbound.map((message) => message.text)).toEqual(['/start', 'Green', 'M']);
    await waitFor('replies marked sent', async () => {
      const sent = await platform.db.message.count({ where: { channelId, contact, direction: 'outbound', status: 'sent' } });
      return sent === 3 ? true : undefined;
    });
  });

  it("accepts Telegram's documented update byte for byte", async () => {
    const raw = readFileSync(resolve(fixtures, 'telegram-text-message.json'), 'utf8');
    const response = await post(raw);
    expect(response.status).toBe(200);
    await sentTo(1111111, 1);
  });

  it('takes the data of a callback query as the text', async () => {
    const chatId = newChatId();
    const update = {
      update_id: newUpdateId(),
      callback_query: { id: '4382bfdwdsb323b2d9', from: { id: chatId, is_bot: false, first_name: 'Test' }, data: 'Data from button callback', chat_instance: '-1' },
    };
    expect((await post(update)).status).toBe(200);
    const stored = await platform.db.message.findFirstOrThrow({ where: { channelId, contact: String(chatId), direction: 'inbound' } });
    expect(stored.text).toBe('Data from button callback');
    expect(stored.payload).toMatchObject({ type: 'callback_query', callbackQueryId: '4382bfdwdsb323b2d9' });
    await sentTo(chatId, 1);
  });

  it('acknowledges a redelivered update_id once: one row, one reply', async () => {
    const chatId = newChatId();
    const update = textUpdate(chatId, 'hi');
    expect((await post(update)).status).toBe(200);
    await sentTo(chatId, 1);
    const again = await post(update);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    await new Promise((done) => setTimeout(done, 1500));
    expect(telegram.requestsWhere((body) => field(body, 'chat_id') === chatId)).toHaveLength(1);
    expect(await platform.db.message.count({ where: { channelId, contact: String(chatId), direction: 'inbound' } })).toBe(1);
  });

  it('acknowledges edited messages and other updates without storing them', async () => {
    const chatId = newChatId();
    const edited = { update_id: newUpdateId(), edited_message: { ...message(chatId, 'edited'), edit_date: 1441646600 } };
    const response = await post(edited);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ignored' });
    expect(await post({ update_id: newUpdateId(), my_chat_member: { chat: { id: chatId } } }).then((r) => r.status)).toBe(200);
    expect(await platform.db.message.count({ where: { channelId, contact: String(chatId) } })).toBe(0);
  });

  it('refuses a missing or wrong secret token with 401 and stores nothing', async () => {
    const chatId = newChatId();
    expect((await post(textUpdate(chatId, 'hi'), {})).status).toBe(401);
    expect((await post(textUpdate(chatId, 'hi'), { 'x-telegram-bot-api-secret-token': generateWebhookToken() })).status).toBe(401);
    expect(await platform.db.message.count({ where: { channelId, contact: String(chatId) } })).toBe(0);
  });

  it('refuses a body that is not an Update with 400', async () => {
    const response = await post({ message: { text: 'no update id' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: 'update_id' });
  });

  it("marks a reply Telegram refuses as failed, with Telegram's reason and without the bot token", async () => {
    const chatId = newChatId();
    telegram.failNext({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } });
    await post(textUpdate(chatId, 'hi'));
    const failed = await waitFor('the failed reply', () =>
      platform.db.message.findFirst({ where: { channelId, contact: String(chatId), direction: 'outbound', status: 'failed' } }).then((row) => row ?? undefined),
    );
    expect(failed.error).toMatch(/chat not found/);
    expect(failed.error).not.toContain(botToken);
    expect(failed.error).not.toContain(botToken.split(':')[1]);
  });
});

describe('logs', () => {
  it('carry no secret or token of the whole conversation above (runs last)', () => {
    expectNoSecretsInLogs(platform, { botToken, webhookSecretToken, secretKey: platform.env.PARLEY_SECRET_KEY ?? '' });
  });
});
