import { z } from 'zod';
import type { ParseError } from './channel-adapter';
import type { InboundMessage } from './inbound-message';
import { asArray, asObject, numberField, objectField, stringField, type JsonObject } from './json-fields';

/** What Parley keeps of a WhatsApp message besides its text (stored as the inbox row's payload). */
export type WhatsAppMessagePayload = {
  /** The text handed to the bot: the body, the tapped button's or list row's title, or '' for other types. */
  text: string;
  /** WhatsApp's message type: 'text', 'interactive', 'image', 'audio', 'location', 'unsupported', ... */
  type: string;
  /** For replies to interactive messages: which button or list row was tapped. */
  interactive?: { type: string; id?: string; title?: string };
  /** Unix seconds, as WhatsApp sent it. */
  timestamp?: string;
  /** The sender's WhatsApp profile name, when the webhook names it. */
  profileName?: string;
};

export type WhatsAppInboundMessage = InboundMessage & { payload: WhatsAppMessagePayload };

/** The delivery statuses Parley records for the messages it sent. */
export const whatsappDeliveryStatusSchema = z.enum(['sent', 'delivered', 'read', 'failed']);
export type WhatsAppDeliveryStatus = z.infer<typeof whatsappDeliveryStatusSchema>;

/** One status callback: what happened to a message Parley sent (identified by its wamid). */
export type WhatsAppStatusUpdate = {
  /** The wamid WhatsApp returned when the message was sent. */
  channelMessageId: string;
  status: WhatsAppDeliveryStatus;
  at: Date;
  /** The recipient's WhatsApp id. */
  recipient?: string;
  /** For `failed`: WhatsApp's first error. */
  error?: { code?: number; title?: string; message?: string; details?: string };
};

export type WhatsAppWebhookResult =
  | {
      ok: true;
      messages: WhatsAppInboundMessage[];
      statuses: WhatsAppStatusUpdate[];
      /** Parts of the payload deliberately skipped, each with why (for the log, never an error to Meta). */
      ignored: string[];
    }
  | { ok: false; error: ParseError };

export type ParseWhatsAppWebhookOptions = {
  /** Only changes for this business phone number are taken; others are ignored (Meta sends all of an app's numbers to one URL). */
  phoneNumberId?: string;
};

const MAX_TEXT = 4096;
const MAX_ID = 200;

/**
 * Parses a WhatsApp Cloud API webhook POST body (`object:
 * 'whatsapp_business_account'`, `entry[].changes[].value`) into the inbound
 * messages to store and the delivery statuses to record, in payload order.
 *
 * - One POST may carry several entries, changes and messages: each becomes one
 *   message. `channelMessageId` is the wamid (the inbox dedupes on it), `contact`
 *   is the sender's `from` (their WhatsApp id, also the `to` of replies).
 * - `text` → its body; `interactive` `button_reply` / `list_reply` → the tapped
 *   title (the bot's button label), with the id in the payload; every other type
 *   (image, audio, location, ...) → text '' with its type in the payload, so the
 *   bot still sees that the user wrote.
 * - Statuses `sent`, `delivered`, `read`, `failed` are returned for recording;
 *   other statuses, other webhook fields, other phone numbers, and items missing
 *   their id or sender are skipped and listed in `ignored`, never refused: Meta
 *   retries anything but a 200 for days, and a signed body is Meta's own.
 * - Refused (`ok: false`) only when the body is not a WhatsApp Business Account
 *   webhook at all.
 */
export function parseWhatsAppWebhook(body: unknown, options: ParseWhatsAppWebhookOptions = {}): WhatsAppWebhookResult {
  const root = asObject(body);
  if (!root) return refuse('(body)', 'type', 'must be a JSON object');
  if (root['object'] !== 'whatsapp_business_account') {
    return refuse('object', root['object'] === undefined ? 'required' : 'format', "must be 'whatsapp_business_account'");
  }
  const entries = asArray(root['entry']);
  if (!entries) return refuse('entry', root['entry'] === undefined ? 'required' : 'type', 'must be an array');

  const messages: WhatsAppInboundMessage[] = [];
  const statuses: WhatsAppStatusUpdate[] = [];
  const ignored: string[] = [];
  entries.forEach((entryValue, e) => {
    const changes = asArray(asObject(entryValue)?.['changes']);
    if (!changes) {
      ignored.push(`entry[${e}]: no changes array`);
      return;
    }
    changes.forEach((changeValue, c) => {
      const where = `entry[${e}].changes[${c}]`;
      const change = asObject(changeValue);
      const field = stringField(change, 'field');
      if (field !== 'messages') {
        ignored.push(`${where}: field ${field ?? '(none)'} is not handled`);
        return;
      }
      const value = objectField(change, 'value');
      const phoneNumberId = stringField(objectField(value, 'metadata'), 'phone_number_id');
      if (options.phoneNumberId !== undefined && phoneNumberId !== options.phoneNumberId) {
        ignored.push(`${where}: for phone number id ${phoneNumberId ?? '(none)'}, not this channel's`);
        return;
      }
      const profiles = profileNames(value);
      asArray(value?.['messages'])?.forEach((item, m) => {
        const parsed = toInboundMessage(asObject(item), profiles);
        if (typeof parsed === 'string') ignored.push(`${where}.value.messages[${m}]: ${parsed}`);
        else messages.push(parsed);
      });
      asArray(value?.['statuses'])?.forEach((item, s) => {
        const parsed = toStatusUpdate(asObject(item));
        if (typeof parsed === 'string') ignored.push(`${where}.value.statuses[${s}]: ${parsed}`);
        else statuses.push(parsed);
      });
      asArray(value?.['errors'])?.forEach((item, i) => {
        const error = asObject(item);
        ignored.push(`${where}.value.errors[${i}]: WhatsApp reported error ${numberField(error, 'code') ?? '?'} ${stringField(error, 'title') ?? ''}`.trim());
      });
    });
  });
  return { ok: true, messages, statuses, ignored };
}

function refuse(field: string, rule: ParseError['rule'], problem: string): WhatsAppWebhookResult {
  return { ok: false, error: { field, rule, message: `${field}: ${problem}` } };
}

/** wa_id → profile name, from the change's `contacts`. */
function profileNames(value: JsonObject | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of asArray(value?.['contacts']) ?? []) {
    const contact = asObject(item);
    const waId = stringField(contact, 'wa_id');
    const name = stringField(objectField(contact, 'profile'), 'name');
    if (waId && name) names.set(waId, name);
  }
  return names;
}

/** The inbound message, or why it was skipped. */
function toInboundMessage(message: JsonObject | undefined, profiles: Map<string, string>): WhatsAppInboundMessage | string {
  const id = stringField(message, 'id');
  const from = stringField(message, 'from');
  if (!id || id.length > MAX_ID) return 'no usable message id';
  if (!from || from.length > MAX_ID) return `message ${id} has no usable sender (from)`;
  const type = stringField(message, 'type') ?? 'unknown';
  const payload: WhatsAppMessagePayload = { text: '', type };
  if (type === 'text') {
    payload.text = stringField(objectField(message, 'text'), 'body') ?? '';
  } else if (type === 'interactive') {
    const interactive = objectField(message, 'interactive');
    const kind = stringField(interactive, 'type') ?? 'unknown';
    const reply = objectField(interactive, kind);
    const replyId = stringField(reply, 'id');
    const title = stringField(reply, 'title');
    payload.interactive = { type: kind, ...(replyId ? { id: replyId } : {}), ...(title ? { title } : {}) };
    if ((kind === 'button_reply' || kind === 'list_reply') && title) payload.text = title;
  }
  payload.text = payload.text.slice(0, MAX_TEXT);
  const timestamp = stringField(message, 'timestamp');
  if (timestamp) payload.timestamp = timestamp;
  const profileName = profiles.get(from);
  if (profileName) payload.profileName = profileName;
  return { channelMessageId: id, contact: from, text: payload.text, payload };
}

/** The status update, or why it was skipped. */
function toStatusUpdate(item: JsonObject | undefined): WhatsAppStatusUpdate | string {
  const id = stringField(item, 'id');
  if (!id || id.length > MAX_ID) return 'no usable message id';
  const status = whatsappDeliveryStatusSchema.safeParse(item?.['status']);
  if (!status.success) return `status ${String(item?.['status'])} of ${id} is not recorded`;
  const seconds = Number(stringField(item, 'timestamp') ?? numberField(item, 'timestamp'));
  if (!Number.isSafeInteger(seconds) || seconds <= 0) return `status ${status.data} of ${id} has no valid timestamp`;
  const update: WhatsAppStatusUpdate = { channelMessageId: id, status: status.data, at: new Date(seconds * 1000) };
  const recipient = stringField(item, 'recipient_id');
  if (recipient) update.recipient = recipient;
  const error = asObject(asArray(item?.['errors'])?.[0]);
  if (error) {
    const code = numberField(error, 'code');
    const title = stringField(error, 'title');
    const message = stringField(error, 'message');
    const details = stringField(objectField(error, 'error_data'), 'details');
    update.error = {
      ...(code !== undefined ? { code } : {}),
      ...(title ? { title } : {}),
      ...(message ? { message } : {}),
      ...(details ? { details } : {}),
    };
  }
  return update;
}
