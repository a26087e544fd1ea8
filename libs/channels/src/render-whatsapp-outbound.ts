import type { OutboundRequestSpec } from './channel-adapter';
import { ChannelRenderError } from './channel-render-error';
import type { OutboundMessage } from './outbound-message';
import type { WhatsAppChannelConfig } from './whatsapp-channel-config';

/** Cloud API limits (Meta's "Interactive reply buttons" and "Interactive list" message references). */
export const whatsappLimits = {
  textBody: 4096,
  buttonsBody: 1024,
  maxButtons: 3,
  buttonTitle: 20,
  listBody: 4096,
  maxRows: 10,
  rowTitle: 24,
} as const;

type WhatsAppContent =
  | { type: 'text'; text: { preview_url: boolean; body: string } }
  | {
      type: 'interactive';
      interactive:
        | { type: 'button'; body: { text: string }; action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] } }
        | {
            type: 'list';
            body: { text: string };
            action: { button: string; sections: { title: string; rows: { id: string; title: string }[] }[] };
          };
    };

/** The JSON body of `POST /{version}/{phone-number-id}/messages`. */
export type WhatsAppSendBody = { messaging_product: 'whatsapp'; recipient_type: 'individual'; to: string } & WhatsAppContent;

/**
 * Renders one reply as a Cloud API send: `POST {graphBaseUrl}/{graphVersion}/
 * {phoneNumberId}/messages` with `Authorization: Bearer {accessToken}`.
 *
 * - No quick replies: a `text` message; `preview_url` is the reply's `linkPreview`.
 * - 1–3 quick replies with titles of at most 20 characters (and a body of at
 *   most 1024): an interactive `button` message.
 * - Otherwise up to 10 quick replies with titles of at most 24 characters: an
 *   interactive `list` message opened by `listButtonText`.
 * Button and row ids are the labels (trimmed), so a tap comes back with the
 * label as both title and id. Interactive messages have no link preview.
 * Throws ChannelRenderError (`not-renderable`) for an empty or too long text,
 * more than 10 quick replies, a label too long or labels repeated: Meta would
 * refuse those with a 400 on every retry.
 */
export function renderWhatsAppOutbound(message: OutboundMessage, config: WhatsAppChannelConfig): OutboundRequestSpec {
  const body: WhatsAppSendBody = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.to,
    ...content(message, config),
  };
  return {
    method: 'POST',
    url: `${config.graphBaseUrl}/${config.graphVersion}/${encodeURIComponent(config.phoneNumberId)}/messages`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config.accessToken}` },
    body: JSON.stringify(body),
  };
}

function content(message: OutboundMessage, config: WhatsAppChannelConfig): WhatsAppContent {
  const text = message.text;
  if (text.trim() === '') throw notRenderable('the text is empty (WhatsApp refuses empty messages)');
  const labels = (message.buttons ?? []).map((button) => button.label);
  if (labels.length === 0) {
    if (text.length > whatsappLimits.textBody) throw notRenderable(`the text has ${text.length} characters, WhatsApp allows ${whatsappLimits.textBody}`);
    return { type: 'text', text: { preview_url: message.linkPreview === true, body: text } };
  }
  const ids = labels.map((label) => label.trim());
  if (new Set(ids).size !== ids.length) throw notRenderable('two quick replies have the same label');
  const fitsButtons =
    labels.length <= whatsappLimits.maxButtons &&
    labels.every((label) => label.length <= whatsappLimits.buttonTitle) &&
    text.length <= whatsappLimits.buttonsBody;
  if (fitsButtons) {
    return {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text },
        action: { buttons: labels.map((label, i) => ({ type: 'reply', reply: { id: ids[i] ?? label, title: label } })) },
      },
    };
  }
  if (labels.length > whatsappLimits.maxRows) throw notRenderable(`${labels.length} quick replies, WhatsApp lists at most ${whatsappLimits.maxRows}`);
  const long = labels.find((label) => label.length > whatsappLimits.rowTitle);
  if (long !== undefined) throw notRenderable(`the quick reply "${long}" is longer than ${whatsappLimits.rowTitle} characters`);
  if (text.length > whatsappLimits.listBody) throw notRenderable(`the text has ${text.length} characters, WhatsApp allows ${whatsappLimits.listBody}`);
  return {
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text },
      action: {
        button: config.listButtonText,
        sections: [{ title: config.listButtonText, rows: labels.map((label, i) => ({ id: ids[i] ?? label, title: label })) }],
      },
    },
  };
}

function notRenderable(why: string): ChannelRenderError {
  return new ChannelRenderError('not-renderable', `WhatsApp reply not sendable: ${why}`);
}
