import { describe, expect, it } from 'vitest';
import { generateWebhookSecret } from './generate-webhook-secret';
import { httpChannelAdapter } from './http-channel-adapter';
import type { OutboundMessage } from './outbound-message';
import { renderHttpOutbound } from './render-http-outbound';
import { verifyHttpSignature } from './verify-http-signature';

const secret = generateWebhookSecret();
const reply: OutboundMessage = {
  channelId: 'ch_1',
  to: '+15550100',
  text: 'Pick one',
  buttons: [{ label: 'Yes' }, { label: 'No' }],
  idempotencyKey: 'out_42',
  sessionId: 'ses_7',
};

describe('renderHttpOutbound', () => {
  it('renders the JSON body and signed headers with webhook-id = idempotencyKey', () => {
    const now = new Date();
    const rendered = renderHttpOutbound(reply, secret, now);
    expect(JSON.parse(rendered.body)).toEqual({
      messageId: 'out_42',
      to: '+15550100',
      text: 'Pick one',
      buttons: [{ label: 'Yes' }, { label: 'No' }],
      sessionId: 'ses_7',
    });
    expect(rendered.headers['content-type']).toBe('application/json');
    expect(rendered.headers['webhook-id']).toBe('out_42');
    expect(rendered.headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(verifyHttpSignature(rendered.body, rendered.headers, secret)).toEqual({ ok: true });
  });

  it('omits buttons when there are none', () => {
    const { buttons: _none, ...plain } = reply;
    expect(JSON.parse(renderHttpOutbound(plain, secret).body)).not.toHaveProperty('buttons');
    expect(JSON.parse(renderHttpOutbound({ ...plain, buttons: [] }, secret).body)).not.toHaveProperty('buttons');
  });

  it('signs each attempt afresh but keeps the same webhook-id', () => {
    const first = renderHttpOutbound(reply, secret, new Date(Date.now() - 60_000));
    const retry = renderHttpOutbound(reply, secret, new Date());
    expect(retry.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(retry.headers['webhook-signature']).not.toBe(first.headers['webhook-signature']);
  });
});

describe('httpChannelAdapter', () => {
  const config = httpChannelAdapter.configSchema.parse({ outboundUrl: 'http://127.0.0.1:9/replies', webhookSecret: secret });

  it('renders a POST to the configured URL that its own verify accepts', () => {
    const spec = httpChannelAdapter.render(reply, config, new Date());
    expect(spec.method).toBe('POST');
    expect(spec.url).toBe('http://127.0.0.1:9/replies');
    expect(httpChannelAdapter.verify({ rawBody: spec.body, headers: spec.headers }, config)).toEqual({ ok: true });
  });

  it('parses one message per call, or names the bad field', () => {
    expect(httpChannelAdapter.parse({ messageId: 'm', from: 'f', text: 't' })).toEqual({
      ok: true,
      messages: [{ channelMessageId: 'm', contact: 'f', text: 't' }],
    });
    expect(httpChannelAdapter.parse({ messageId: 'm', text: 't' })).toMatchObject({ ok: false, error: { field: 'from' } });
  });

  it('refuses configs without an http(s) URL or a whsec_ secret', () => {
    const bad = httpChannelAdapter.configSchema.safeParse({ outboundUrl: 'ftp://x', webhookSecret: 'plain' });
    expect(bad.success ? [] : bad.error.issues.map((issue) => issue.path.join('.'))).toEqual(['outboundUrl', 'webhookSecret']);
  });
});
