import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTelegramUpdate } from './parse-telegram-update';
import { telegramChannelAdapter } from './telegram-channel-adapter';
import { verifyTelegramSecretToken } from './verify-telegram-secret-token';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const from = { id: 1111111, username: 'Testusername', firstName: 'Test Firstname' };

describe('parseTelegramUpdate on the documented updates', () => {
  it('maps a text message: update_id, chat id, text', () => {
    expect(parseTelegramUpdate(fixture('telegram-text-message.json'))).toEqual({
      ok: true,
      message: {
        channelMessageId: '10000',
        contact: '1111111',
        text: '/start',
        payload: { text: '/start', type: 'message', kind: 'text', messageId: 1365, chatType: 'private', from },
      },
    });
  });

  it('keeps a voice message with empty text and its kind', () => {
    expect(parseTelegramUpdate(fixture('telegram-voice-message.json'))).toMatchObject({
      ok: true,
      message: { channelMessageId: '10000', contact: '1111111', text: '', payload: { text: '', type: 'message', kind: 'voice' } },
    });
  });

  it('hands the bot the data of a callback query, replying to the sender when there is no chat', () => {
    expect(parseTelegramUpdate(fixture('telegram-callback-query.json'))).toEqual({
      ok: true,
      message: {
        channelMessageId: '10000',
        contact: '1111111',
        text: 'Data from button callback',
        payload: { text: 'Data from button callback', type: 'callback_query', callbackQueryId: '4382bfdwdsb323b2d9', from },
      },
    });
  });

  it('uses the chat of the message a callback query came from', () => {
    const update = { update_id: 7, callback_query: { id: 'q', from: { id: 5 }, data: 'yes', message: { message_id: 3, chat: { id: -1001234567890, type: 'supergroup' } } } };
    expect(parseTelegramUpdate(update)).toMatchObject({ ok: true, message: { contact: '-1001234567890', text: 'yes' } });
  });

  it('acknowledges and ignores edited messages and other update types', () => {
    expect(parseTelegramUpdate(fixture('telegram-edited-message.json'))).toEqual({
      ok: true,
      message: null,
      ignored: 'update 10000: edited_message updates are not handled',
    });
    expect(parseTelegramUpdate(fixture('telegram-inline-query.json'))).toEqual({
      ok: true,
      message: null,
      ignored: 'update 10000: inline_query updates are not handled',
    });
  });

  it.each([
    [null, '(body)', 'type'],
    [{ message: {} }, 'update_id', 'required'],
    [{ update_id: '10000' }, 'update_id', 'type'],
    [{ update_id: 1.5 }, 'update_id', 'type'],
  ])('refuses %j naming %s', (body, field, rule) => {
    expect(parseTelegramUpdate(body)).toMatchObject({ ok: false, error: { field, rule } });
  });

  it('backs the adapter: one message or none', () => {
    expect(telegramChannelAdapter.parse(fixture('telegram-text-message.json'))).toMatchObject({ ok: true, messages: [{ text: '/start' }] });
    expect(telegramChannelAdapter.parse(fixture('telegram-edited-message.json'))).toEqual({ ok: true, messages: [] });
  });
});

describe('verifyTelegramSecretToken', () => {
  it('accepts the exact token, header name case-insensitive', () => {
    expect(verifyTelegramSecretToken({ 'x-telegram-bot-api-secret-token': 'tok_123-ABC' }, 'tok_123-ABC')).toEqual({ ok: true });
    expect(verifyTelegramSecretToken({ 'X-Telegram-Bot-Api-Secret-Token': 'tok_123-ABC' }, 'tok_123-ABC')).toEqual({ ok: true });
  });

  it('refuses a missing, repeated, wrong or prefix token', () => {
    expect(verifyTelegramSecretToken({}, 'tok')).toEqual({ ok: false, reason: 'missing-secret-token' });
    expect(verifyTelegramSecretToken({ 'x-telegram-bot-api-secret-token': ['tok', 'tok'] }, 'tok')).toEqual({ ok: false, reason: 'missing-secret-token' });
    expect(verifyTelegramSecretToken({ 'x-telegram-bot-api-secret-token': 'other' }, 'tok')).toEqual({ ok: false, reason: 'bad-secret-token' });
    expect(verifyTelegramSecretToken({ 'x-telegram-bot-api-secret-token': 'to' }, 'tok')).toEqual({ ok: false, reason: 'bad-secret-token' });
  });
});
