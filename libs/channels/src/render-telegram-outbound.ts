import type { OutboundRequestSpec } from './channel-adapter';
import { ChannelRenderError } from './channel-render-error';
import type { OutboundMessage } from './outbound-message';
import type { TelegramChannelConfig } from './telegram-channel-config';

/** sendMessage's text limit (1–4096 characters after entities parsing). */
export const telegramMaxText = 4096;

/** The JSON body of Bot API `sendMessage` as Parley sends it. */
export type TelegramSendMessageBody = {
  chat_id: number | string;
  text: string;
  reply_markup?: { keyboard: { text: string }[][]; one_time_keyboard: true; resize_keyboard: true };
  link_preview_options: { is_disabled: boolean };
};

/**
 * Renders one reply as `POST {apiBaseUrl}/bot{botToken}/sendMessage` (JSON).
 * Quick replies become a one-time reply keyboard, one button per row: a tap
 * sends the label back as an ordinary message. Link previews are disabled
 * unless the reply asks for one (`linkPreview`). `chat_id` is sent as a number
 * when the contact is a numeric chat id (as Telegram sent it), else as given.
 * The URL contains the bot token: never log it (see `redactSecrets`).
 * Throws ChannelRenderError (`not-renderable`) for an empty text or one over
 * 4096 characters, which Telegram refuses.
 */
export function renderTelegramOutbound(message: OutboundMessage, config: TelegramChannelConfig): OutboundRequestSpec {
  if (message.text.trim() === '') throw notRenderable('the text is empty (Telegram refuses empty messages)');
  if (message.text.length > telegramMaxText) throw notRenderable(`the text has ${message.text.length} characters, Telegram allows ${telegramMaxText}`);
  const buttons = message.buttons ?? [];
  const body: TelegramSendMessageBody = {
    chat_id: toChatId(message.to),
    text: message.text,
    ...(buttons.length > 0
      ? { reply_markup: { keyboard: buttons.map((button) => [{ text: button.label }]), one_time_keyboard: true, resize_keyboard: true } }
      : {}),
    link_preview_options: { is_disabled: message.linkPreview !== true },
  };
  return {
    method: 'POST',
    url: `${config.apiBaseUrl}/bot${config.botToken}/sendMessage`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

function toChatId(contact: string): number | string {
  if (!/^-?\d{1,20}$/.test(contact)) return contact;
  const id = Number(contact);
  return Number.isSafeInteger(id) ? id : contact;
}

function notRenderable(why: string): ChannelRenderError {
  return new ChannelRenderError('not-renderable', `Telegram reply not sendable: ${why}`);
}
