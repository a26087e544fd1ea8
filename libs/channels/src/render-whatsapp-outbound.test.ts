import { describe, expect, it } from 'vitest';
import { ChannelRenderError } from './channel-render-error';
import type { OutboundMessage } from './outbound-message';
import { renderWhatsAppOutbound } from './render-whatsapp-outbound';
import { signWhatsAppPayload } from './verify-whatsapp-signature';
import { whatsappChannelAdapter } from './whatsapp-channel-adapter';
import { whatsappChannelConfigSchema } from './whatsapp-channel-config';

const config = whatsappChannelConfigSchema.parse({
  phoneNumberId: '106540352242922',
  accessToken: 'EAAJB-test-token',
  appSecret: 'app-secret',
  verifyToken: 'verify-me',
});
const reply: OutboundMessage = { channelId: 'ch_1', to: '16505551234', text: 'Pick one', idempotencyKey: 'out_1', sessionId: 'ses_1' };
const labels = (...names: string[]) => names.map((label) => ({ label }));
const bodyOf = (message: OutboundMessage) => JSON.parse(renderWhatsAppOutbound(message, config).body);

describe('renderWhatsAppOutbound', () => {
  it('POSTs to {graph}/{version}/{phone-number-id}/messages with the bearer token', () => {
    const spec = renderWhatsAppOutbound(reply, config);
    expect(spec.method).toBe('POST');
    expect(spec.url).toBe('https://graph.facebook.com/v21.0/106540352242922/messages');
    expect(spec.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer EAAJB-test-token' });
  });

  it('sends a text message, preview_url from linkPreview', () => {
    expect(bodyOf(reply)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '16505551234',
      type: 'text',
      text: { preview_url: false, body: 'Pick one' },
    });
    expect(bodyOf({ ...reply, text: 'See https://parley.dev', linkPreview: true }).text).toEqual({ preview_url: true, body: 'See https://parley.dev' });
    expect(bodyOf({ ...reply, buttons: [] }).type).toBe('text');
  });

  it('sends up to 3 quick replies as reply buttons, ids = labels', () => {
    expect(bodyOf({ ...reply, buttons: labels('Yes', 'No', 'Maybe later') })).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '16505551234',
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pick one' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'Yes', title: 'Yes' } },
            { type: 'reply', reply: { id: 'No', title: 'No' } },
            { type: 'reply', reply: { id: 'Maybe later', title: 'Maybe later' } },
          ],
        },
      },
    });
  });

  it('sends 4–10 quick replies as a list', () => {
    const body = bodyOf({ ...reply, buttons: labels('XS', 'S', 'M', 'L') });
    expect(body.interactive).toEqual({
      type: 'list',
      body: { text: 'Pick one' },
      action: {
        button: 'Choose',
        sections: [{ title: 'Choose', rows: ['XS', 'S', 'M', 'L'].map((label) => ({ id: label, title: label })) }],
      },
    });
    const ten = labels(...Array.from({ length: 10 }, (_, i) => `Option ${i + 1}`));
    expect(bodyOf({ ...reply, buttons: ten }).interactive.action.sections[0].rows).toHaveLength(10);
    const custom = whatsappChannelConfigSchema.parse({ ...config, listButtonText: 'Elegir' });
    expect(JSON.parse(renderWhatsAppOutbound({ ...reply, buttons: labels('a', 'b', 'c', 'd') }, custom).body).interactive.action.button).toBe('Elegir');
  });

  it('falls back to a list when a button title or the body is too long for reply buttons', () => {
    expect(bodyOf({ ...reply, buttons: labels('Yes', 'A label of 21 chars!!') }).interactive.type).toBe('list');
    expect(bodyOf({ ...reply, text: 'x'.repeat(1025), buttons: labels('Yes', 'No') }).interactive.type).toBe('list');
    expect(bodyOf({ ...reply, buttons: labels('A label of 20 chars!') }).interactive.type).toBe('button');
  });

  it.each([
    ['more than 10 quick replies', { ...reply, buttons: labels(...Array.from({ length: 11 }, (_, i) => `o${i}`)) }],
    ['a label over 24 characters', { ...reply, buttons: labels('a', 'b', 'c', 'x'.repeat(25)) }],
    ['repeated labels', { ...reply, buttons: labels('Yes', 'Yes ') }],
    ['an empty text', { ...reply, text: '  ' }],
    ['a text over 4096 characters', { ...reply, text: 'x'.repeat(4097) }],
    ['a list body over 4096 characters', { ...reply, text: 'x'.repeat(4097), buttons: labels('a') }],
  ])('refuses %s as not renderable', (_what, message) => {
    expect(() => renderWhatsAppOutbound(message, config)).toThrow(ChannelRenderError);
    try {
      renderWhatsAppOutbound(message, config);
    } catch (error) {
      expect(error instanceof ChannelRenderError && error.reason).toBe('not-renderable');
    }
  });
});

describe('whatsappChannelConfigSchema', () => {
  it('defaults the Graph base URL and version, and strips a trailing slash', () => {
    expect(config.graphBaseUrl).toBe('https://graph.facebook.com');
    expect(config.graphVersion).toBe('v21.0');
    const local = whatsappChannelConfigSchema.parse({ ...config, graphBaseUrl: 'http://127.0.0.1:9999/', graphVersion: 'v22.0' });
    expect(renderWhatsAppOutbound(reply, local).url).toBe('http://127.0.0.1:9999/v22.0/106540352242922/messages');
  });

  it('refuses ids and versions that would change the request path, and missing secrets', () => {
    const bad = whatsappChannelConfigSchema.safeParse({ phoneNumberId: '../me', graphVersion: 'v21.0/../x', graphBaseUrl: 'ftp://x' });
    expect(bad.success ? [] : bad.error.issues.map((issue) => issue.path.join('.')).sort()).toEqual(
      ['accessToken', 'appSecret', 'graphBaseUrl', 'graphVersion', 'phoneNumberId', 'verifyToken'].sort(),
    );
  });
});

describe('whatsappChannelAdapter', () => {
  it('verifies a signed body and renders with the same config', () => {
    const rawBody = '{"object":"whatsapp_business_account","entry":[]}';
    const headers = { 'x-hub-signature-256': signWhatsAppPayload(rawBody, 'app-secret') };
    expect(whatsappChannelAdapter.verify({ rawBody, headers }, config)).toEqual({ ok: true });
    expect(whatsappChannelAdapter.verify({ rawBody, headers: {} }, config)).toEqual({ ok: false, reason: 'missing-signature' });
    expect(whatsappChannelAdapter.render(reply, config, new Date()).url).toContain('/106540352242922/messages');
  });
});
