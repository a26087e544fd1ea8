import type { ParseError } from './channel-adapter';
import type { InboundMessage } from './inbound-message';
import { asObject, numberField, objectField, stringField, type JsonObject } from './json-fields';

/** What Parley keeps of a Telegram update besides its text (stored as the inbox row's payload). */
export type TelegramMessagePayload = {
  /** The text handed to the bot: the message text, the callback data, or '' for other content. */
  text: string;
  /** Which part of the Update it came from. */
  type: 'message' | 'callback_query';
  /** For messages: 'text', or the content type ('photo', 'voice', 'sticker', ...). */
  kind?: string;
  /** Telegram's message id within the chat. */
  messageId?: number;
  /** For callback queries: the query id (to answer it). */
  callbackQueryId?: string;
  chatType?: string;
  /** A media message's caption (not used as the text). */
  caption?: string;
  from?: { id: number; username?: string; firstName?: string };
};

export type TelegramInboundMessage = InboundMessage & { payload: TelegramMessagePayload };

export type TelegramUpdateResult =
  | { ok: true; message: TelegramInboundMessage }
  /** A valid update Parley does not handle (edited message, channel post, ...): acknowledge, do not store. */
  | { ok: true; message: null; ignored: string }
  | { ok: false; error: ParseError };

const MAX_TEXT = 4096;
/** Message content fields, in the order the kind is looked up when there is no text. */
const CONTENT_KINDS = [
  'photo', 'video', 'animation', 'audio', 'voice', 'video_note', 'document', 'sticker', 'contact', 'location',
  'venue', 'poll', 'dice', 'game', 'story', 'invoice', 'successful_payment', 'web_app_data',
] as const;

/**
 * Parses one Telegram Bot API `Update` (the JSON body of a webhook request).
 *
 * - `message` → its `text` ('' for photos, voice notes, stickers ..., whose
 *   content type is kept in the payload as `kind`).
 * - `callback_query` → its `data` (what an inline button carries).
 * - `contact` is the chat id (as a string; negative for groups), falling back to
 *   the sender's id for a callback query without its message; replies go there.
 * - `channelMessageId` is the `update_id`: Telegram redelivers an unacknowledged
 *   update with the same id, so the inbox dedupes on it.
 * - Every other update type (edited_message, channel_post, my_chat_member, ...)
 *   is `ignored`, to be acknowledged and logged.
 * Refused (`ok: false`) only when the body is not an Update (no integer `update_id`).
 */
export function parseTelegramUpdate(body: unknown): TelegramUpdateResult {
  const update = asObject(body);
  if (!update) return refuse('(body)', 'type', 'must be a JSON object');
  const updateId = numberField(update, 'update_id');
  if (updateId === undefined || !Number.isSafeInteger(updateId)) {
    return refuse('update_id', update['update_id'] === undefined ? 'required' : 'type', 'must be an integer');
  }
  const channelMessageId = String(updateId);

  const message = objectField(update, 'message');
  if (message) {
    const contact = chatId(objectField(message, 'chat'));
    if (contact === undefined) return { ok: true, message: null, ignored: `update ${updateId}: message without a chat id` };
    const text = (stringField(message, 'text') ?? '').slice(0, MAX_TEXT);
    const payload: TelegramMessagePayload = { text, type: 'message', kind: stringField(message, 'text') ? 'text' : kindOf(message) };
    const messageId = numberField(message, 'message_id');
    if (messageId !== undefined) payload.messageId = messageId;
    const chatType = stringField(objectField(message, 'chat'), 'type');
    if (chatType) payload.chatType = chatType;
    const caption = stringField(message, 'caption');
    if (caption) payload.caption = caption.slice(0, MAX_TEXT);
    const from = sender(objectField(message, 'from'));
    if (from) payload.from = from;
    return { ok: true, message: { channelMessageId, contact, text, payload } };
  }

  const query = objectField(update, 'callback_query');
  if (query) {
    const from = sender(objectField(query, 'from'));
    const contact = chatId(objectField(objectField(query, 'message'), 'chat')) ?? (from ? String(from.id) : undefined);
    if (contact === undefined) return { ok: true, message: null, ignored: `update ${updateId}: callback query without a chat or sender` };
    const text = (stringField(query, 'data') ?? '').slice(0, MAX_TEXT);
    const payload: TelegramMessagePayload = { text, type: 'callback_query' };
    const queryId = stringField(query, 'id');
    if (queryId) payload.callbackQueryId = queryId;
    if (from) payload.from = from;
    return { ok: true, message: { channelMessageId, contact, text, payload } };
  }

  const kind = Object.keys(update).find((key) => key !== 'update_id') ?? '(empty)';
  return { ok: true, message: null, ignored: `update ${updateId}: ${kind} updates are not handled` };
}

function refuse(field: string, rule: ParseError['rule'], problem: string): TelegramUpdateResult {
  return { ok: false, error: { field, rule, message: `${field}: ${problem}` } };
}

/** A chat id (an integer in Telegram's JSON) as a string. */
function chatId(chat: JsonObject | undefined): string | undefined {
  const id = numberField(chat, 'id');
  return id !== undefined && Number.isSafeInteger(id) ? String(id) : undefined;
}

function sender(user: JsonObject | undefined): TelegramMessagePayload['from'] | undefined {
  const id = numberField(user, 'id');
  if (id === undefined) return undefined;
  const username = stringField(user, 'username');
  const firstName = stringField(user, 'first_name');
  return { id, ...(username ? { username } : {}), ...(firstName ? { firstName } : {}) };
}

function kindOf(message: JsonObject): string {
  return CONTENT_KINDS.find((kind) => message[kind] !== undefined) ?? 'other';
}
