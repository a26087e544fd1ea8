import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from './parse-whatsapp-webhook';
import { whatsappChannelAdapter } from './whatsapp-channel-adapter';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const phoneNumberId = '106540352242922';

describe('parseWhatsAppWebhook on the documented payloads', () => {
  it('maps a text message: wamid, sender, body, profile name', () => {
    expect(parseWhatsAppWebhook(fixture('whatsapp-text-message.json'), { phoneNumberId })).toEqual({
      ok: true,
      messages: [
        {
          channelMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
          contact: '16505551234',
          text: 'Does it come in another color?',
          payload: {
            text: 'Does it come in another color?',
            type: 'text',
            timestamp: '1749416383',
            profileName: 'Sheena Nelson',
          },
        },
      ],
      statuses: [],
      ignored: [],
    });
  });

  it('hands the bot the title of a tapped reply button, keeping its id in the payload', () => {
    const result = parseWhatsAppWebhook(fixture('whatsapp-button-reply.json'));
    expect(result.ok && result.messages).toEqual([
      {
        channelMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        contact: '16505551234',
        text: 'Cancel',
        payload: {
          text: 'Cancel',
          type: 'interactive',
          interactive: { type: 'button_reply', id: 'cancel-button', title: 'Cancel' },
          timestamp: '1739321024',
          profileName: 'Sheena Nelson',
        },
      },
    ]);
  });

  it('hands the bot the title of a chosen list row', () => {
    const result = parseWhatsAppWebhook(fixture('whatsapp-list-reply.json'));
    expect(result.ok && result.messages.map((message) => [message.text, message.payload.interactive])).toEqual([
      ['Priority Mail Express', { type: 'list_reply', id: 'priority_express', title: 'Priority Mail Express' }],
    ]);
  });

  it('keeps a message of another type with empty text and its type, instead of dropping it', () => {
    const result = parseWhatsAppWebhook(fixture('whatsapp-image-message.json'));
    expect(result.ok && result.messages).toEqual([
      expect.objectContaining({ contact: '16505551234', text: '', payload: expect.objectContaining({ text: '', type: 'image' }) }),
    ]);
  });

  it('returns sent, delivered, read and failed statuses with their time and error', () => {
    const result = parseWhatsAppWebhook(fixture('whatsapp-statuses.json'), { phoneNumberId });
    expect(result.ok && result.messages).toEqual([]);
    expect(result.ok && result.statuses).toEqual([
      { channelMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjU0QzBGMDVCRjk3MEQA', status: 'sent', at: new Date(1750263773_000), recipient: '16505551234' },
      { channelMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjU0QzBGMDVCRjk3MEQA', status: 'delivered', at: new Date(1750263774_000), recipient: '16505551234' },
      { channelMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjU0QzBGMDVCRjk3MEQA', status: 'read', at: new Date(1750263801_000), recipient: '16505551234' },
      {
        channelMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGMDI2N0I1QzhFNTc0NzBBOEQA',
        status: 'failed',
        at: new Date(1750263832_000),
        recipient: '16505551234',
        error: {
          code: 131047,
          title: 'Re-engagement message',
          message: 'Re-engagement message',
          details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        },
      },
    ]);
  });
});

describe('parseWhatsAppWebhook batching and filtering', () => {
  const text = fixture('whatsapp-text-message.json');
  const button = fixture('whatsapp-button-reply.json');

  /** Several entries in one POST, as Meta batches them. */
  function batch(...bodies: unknown[]): unknown {
    return { object: 'whatsapp_business_account', entry: bodies.flatMap(parseEntries) };
  }

  it('returns every message of a batched POST, in order', () => {
    const result = parseWhatsAppWebhook(batch(text, button, fixture('whatsapp-statuses.json')));
    expect(result.ok && result.messages.map((message) => message.text)).toEqual(['Does it come in another color?', 'Cancel']);
    expect(result.ok && result.statuses).toHaveLength(4);
  });

  it("ignores changes for another phone number id (Meta sends all of an app's numbers to one URL)", () => {
    const result = parseWhatsAppWebhook(text, { phoneNumberId: '999' });
    expect(result).toEqual({
      ok: true,
      messages: [],
      statuses: [],
      ignored: ["entry[0].changes[0]: for phone number id 106540352242922, not this channel's"],
    });
  });

  it('ignores other webhook fields, unknown statuses and messages without a sender', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            { field: 'account_update', value: {} },
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: phoneNumberId },
                messages: [{ id: 'wamid.X', type: 'text', text: { body: 'no sender' } }],
                statuses: [{ id: 'wamid.Y', status: 'deleted', timestamp: '1' }],
                errors: [{ code: 130429, title: 'Rate limit hit' }],
              },
            },
          ],
        },
      ],
    };
    expect(parseWhatsAppWebhook(body)).toEqual({
      ok: true,
      messages: [],
      statuses: [],
      ignored: [
        'entry[0].changes[0]: field account_update is not handled',
        'entry[0].changes[1].value.messages[0]: message wamid.X has no usable sender (from)',
        'entry[0].changes[1].value.statuses[0]: status deleted of wamid.Y is not recorded',
        'entry[0].changes[1].value.errors[0]: WhatsApp reported error 130429 Rate limit hit',
      ],
    });
  });

  it('truncates text to 4096 characters', () => {
    const long = { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { messages: [{ id: 'w', from: '1', type: 'text', text: { body: 'x'.repeat(5000) } }] } }] }] };
    const result = parseWhatsAppWebhook(long);
    expect(result.ok && result.messages[0]?.text.length).toBe(4096);
  });

  it.each([
    [null, '(body)', 'type'],
    [[], '(body)', 'type'],
    [{ entry: [] }, 'object', 'required'],
    [{ object: 'page', entry: [] }, 'object', 'format'],
    [{ object: 'whatsapp_business_account' }, 'entry', 'required'],
    [{ object: 'whatsapp_business_account', entry: {} }, 'entry', 'type'],
  ])('refuses %j naming %s', (body, field, rule) => {
    expect(parseWhatsAppWebhook(body)).toMatchObject({ ok: false, error: { field, rule } });
  });

  it('backs the adapter, which yields the messages only', () => {
    expect(whatsappChannelAdapter.parse(fixture('whatsapp-statuses.json'))).toEqual({ ok: true, messages: [] });
    expect(whatsappChannelAdapter.parse(text)).toMatchObject({ ok: true, messages: [{ text: 'Does it come in another color?' }] });
  });
});

function parseEntries(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null) return [];
  const entry: unknown = Reflect.get(body, 'entry');
  return Array.isArray(entry) ? entry : [];
}
