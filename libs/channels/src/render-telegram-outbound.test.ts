import { describe, expect, it } from 'vitest';
import { ChannelRenderError } from './channel-render-error';
import type { OutboundMessage } from './outbound-message';
import { renderTelegramOutbound } from './render-telegram-outbound';
import { telegramChannelConfigSchema } from './telegram-channel-config';

const config = telegramChannelConfigSchema.parse({ botToken: '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11', webhookSecretToken: 'secret_token-1' });
const reply: OutboundMessage = { channelId: 'ch_1', to: '1111111', text: 'Pick one', idempotencyKey: 'out_1', sessionId: 'ses_1' };
const bodyOf = (message: OutboundMessage) => JSON.parse(renderTelegramOutbound(message, config).body);

describe('renderTelegramOutbound', () => {
  it('POSTs JSON to {apiBaseUrl}/bot{token}/sendMessage', () => {
    const spec = renderTelegramOutbound(reply, config);
    expect(spec).toMatchObject({
      method: 'POST',
      url: 'https://api.telegram.org/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11/sendMessage',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('sends plain text with link previews off unless asked for', () => {
    expect(bodyOf(reply)).toEqual({ chat_id: 1111111, text: 'Pick one', link_preview_options: { is_disabled: true } });
    expect(bodyOf({ ...reply, linkPreview: true }).link_preview_options).toEqual({ is_disabled: false });
  });

  it('sends quick replies as a one-time reply keyboard, one button per row', () => {
    expect(bodyOf({ ...reply, buttons: [{ label: 'Yes' }, { label: 'No' }, { label: 'Maybe' }, { label: 'Later' }] })).toEqual({
      chat_id: 1111111,
      text: 'Pick one',
      reply_markup: {
        keyboard: [[{ text: 'Yes' }], [{ text: 'No' }], [{ text: 'Maybe' }], [{ text: 'Later' }]],
        one_time_keyboard: true,
        resize_keyboard: true,
      },
      link_preview_options: { is_disabled: true },
    });
  });

  it('keeps group chat ids numeric and non-numeric contacts as strings', () => {
    expect(bodyOf({ ...reply, to: '-1001234567890' }).chat_id).toBe(-1001234567890);
    expect(bodyOf({ ...reply, to: '@parley_channel' }).chat_id).toBe('@parley_channel');
    expect(bodyOf({ ...reply, to: '123456789012345678901' }).chat_id).toBe('123456789012345678901');
  });

  it('uses a configured API base (tests, self-hosted Bot API server)', () => {
    const local = telegramChannelConfigSchema.parse({ ...config, apiBaseUrl: 'http://127.0.0.1:8081/' });
    expect(renderTelegramOutbound(reply, local).url).toBe('http://127.0.0.1:8081/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11/sendMessage');
  });

  it.each([
    ['an empty text', { ...reply, text: '' }],
    ['a text over 4096 characters', { ...reply, text: 'x'.repeat(4097) }],
  ])('refuses %s as not renderable', (_what, message) => {
    expect(() => renderTelegramOutbound(message, config)).toThrow(ChannelRenderError);
  });
});

describe('telegramChannelConfigSchema', () => {
  it('refuses tokens that are not bot tokens or allowed secret tokens', () => {
    const bad = telegramChannelConfigSchema.safeParse({ botToken: '../../getMe', webhookSecretToken: 'has space', apiBaseUrl: 'file:///x' });
    expect(bad.success ? [] : bad.error.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['apiBaseUrl', 'botToken', 'webhookSecretToken']);
    expect(telegramChannelConfigSchema.safeParse({ ...config, webhookSecretToken: 'x'.repeat(257) }).success).toBe(false);
  });
});
