import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChannelRenderError } from './channel-render-error';
import { generateWebhookSecret } from './generate-webhook-secret';
import { generateWebhookToken } from './generate-webhook-token';
import type { OutboundMessage } from './outbound-message';
import { readProviderResponse } from './read-provider-response';
import { redactSecrets } from './redact-secrets';
import { renderOutboundRequest } from './render-outbound-request';
import { telegramSecretsSchema } from './telegram-channel-config';
import { verifyHttpSignature } from './verify-http-signature';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const reply: OutboundMessage = { channelId: 'ch_1', to: '16505551234', text: 'Hi', idempotencyKey: 'out_1', sessionId: 'ses_1' };
const botToken = '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11';

function renderError(run: () => unknown): ChannelRenderError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ChannelRenderError) return error;
    throw error;
  }
  return undefined;
}

describe('renderOutboundRequest', () => {
  it('renders the HTTP channel as a signed POST to its outboundUrl', () => {
    const webhookSecret = generateWebhookSecret();
    const spec = renderOutboundRequest({ type: 'http', config: { outboundUrl: 'https://example.com/in' }, secrets: { webhookSecret } }, reply);
    expect(spec.url).toBe('https://example.com/in');
    expect(verifyHttpSignature(spec.body, spec.headers, webhookSecret)).toEqual({ ok: true });
  });

  it('renders WhatsApp and Telegram from config plus secrets', () => {
    const whatsapp = renderOutboundRequest(
      { type: 'whatsapp', config: { phoneNumberId: '106540352242922' }, secrets: { accessToken: 'tok', appSecret: 'a', verifyToken: 'v' } },
      reply,
    );
    expect([whatsapp.url, whatsapp.headers['authorization']]).toEqual(['https://graph.facebook.com/v21.0/106540352242922/messages', 'Bearer tok']);
    const telegram = renderOutboundRequest({ type: 'telegram', config: {}, secrets: { botToken, webhookSecretToken: 'x' } }, { ...reply, to: '42' });
    expect(telegram.url).toBe(`https://api.telegram.org/bot${botToken}/sendMessage`);
    expect(JSON.parse(telegram.body)).toMatchObject({ chat_id: 42, text: 'Hi' });
  });

  it('refuses channel types without outbound delivery', () => {
    expect(renderError(() => renderOutboundRequest({ type: 'webchat', config: {}, secrets: {} }, reply))).toMatchObject({ reason: 'unsupported-channel' });
  });

  it('names the misconfigured fields without echoing any value', () => {
    const error = renderError(() =>
      renderOutboundRequest({ type: 'telegram', config: { apiBaseUrl: 'not a url' }, secrets: { botToken: 'leaky-secret-value' } }, reply),
    );
    expect(error?.reason).toBe('invalid-config');
    expect(error?.message).toMatch(/apiBaseUrl/);
    expect(error?.message).toMatch(/botToken/);
    expect(error?.message).toMatch(/webhookSecretToken/);
    expect(error?.message).not.toMatch(/leaky-secret-value|not a url/);
  });

  it('lets secrets win over a same-named config field', () => {
    const spec = renderOutboundRequest(
      { type: 'whatsapp', config: { phoneNumberId: '1', accessToken: 'from-config' }, secrets: { accessToken: 'from-secrets', appSecret: 'a', verifyToken: 'v' } },
      reply,
    );
    expect(spec.headers['authorization']).toBe('Bearer from-secrets');
  });
});

describe('readProviderResponse', () => {
  it('reads the wamid of a WhatsApp send, and its documented error', () => {
    expect(readProviderResponse('whatsapp', 200, fixture('whatsapp-send-response.json'))).toEqual({
      ok: true,
      providerMessageId: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA',
    });
    expect(readProviderResponse('whatsapp', 400, fixture('whatsapp-send-error.json'))).toEqual({
      ok: false,
      error:
        'WhatsApp answered 400, error 131030: (#131030) Recipient phone number not in allowed list (Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.)',
    });
  });

  it('reads the message_id of a Telegram send, and refuses ok: false', () => {
    expect(readProviderResponse('telegram', 200, fixture('telegram-send-message-response.json'))).toEqual({ ok: true, providerMessageId: '1366' });
    expect(readProviderResponse('telegram', 400, fixture('telegram-send-message-error.json'))).toEqual({
      ok: false,
      error: 'Telegram answered 400, error 400: Bad Request: chat not found',
    });
    expect(readProviderResponse('telegram', 200, '{"ok":false}')).toMatchObject({ ok: false });
  });

  it('accepts any 2xx of the HTTP channel and survives non-JSON bodies', () => {
    expect(readProviderResponse('http', 204, '')).toEqual({ ok: true, providerMessageId: null });
    expect(readProviderResponse('http', 404, '<html>')).toEqual({ ok: false, error: 'receiver answered 404' });
    expect(readProviderResponse('whatsapp', 200, 'not json')).toEqual({ ok: true, providerMessageId: null });
    expect(readProviderResponse('whatsapp', 502, 'Bad gateway')).toEqual({ ok: false, error: 'WhatsApp answered 502, error ?: no message' });
  });
});

describe('redactSecrets', () => {
  it('removes every secret value from a text, e.g. a bot token in a URL', () => {
    const message = `POST https://api.telegram.org/bot${botToken}/sendMessage answered 401`;
    expect(redactSecrets(message, { botToken, webhookSecretToken: 'short' })).toBe('POST https://api.telegram.org/bot[redacted]/sendMessage answered 401');
    expect(redactSecrets('nothing here', null)).toBe('nothing here');
  });
});

describe('generateWebhookToken', () => {
  it('makes distinct tokens Telegram accepts as secret_token', () => {
    const token = generateWebhookToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookToken()).not.toBe(token);
    expect(telegramSecretsSchema.safeParse({ botToken, webhookSecretToken: token }).success).toBe(true);
  });
});

describe('renderOutboundRequest for HTTP channels made before the secret rules', () => {
  it('still signs with any whsec_ secret, and reports an unusable one as misconfiguration', () => {
    const spec = renderOutboundRequest({ type: 'http', config: { outboundUrl: 'http://127.0.0.1:9/r' }, secrets: { webhookSecret: 'whsec_dGVzdA==' } }, reply);
    expect(verifyHttpSignature(spec.body, spec.headers, 'whsec_dGVzdA==')).toEqual({ ok: true });
    const error = renderError(() => renderOutboundRequest({ type: 'http', config: { outboundUrl: 'http://127.0.0.1:9/r' }, secrets: { webhookSecret: 'whsec_not base64!' } }, reply));
    expect(error?.reason).toBe('invalid-config');
    expect(error?.message).not.toContain('not base64!');
    expect(renderError(() => renderOutboundRequest({ type: 'http', config: {}, secrets: {} }, reply))?.message).toMatch(/outboundUrl.*webhookSecret/);
  });
});
