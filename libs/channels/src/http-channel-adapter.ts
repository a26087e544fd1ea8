import { z } from 'zod';
import type { ChannelAdapter } from './channel-adapter';
import { parseHttpInbound } from './parse-http-inbound';
import { renderHttpOutbound } from './render-http-outbound';
import { verifyHttpSignature } from './verify-http-signature';
import { webhookSecretSchema } from './webhook-secret-schema';

/** An HTTP channel's settings: where replies go, and the secret signing both directions. */
export const httpChannelConfigSchema = z.object({
  outboundUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  webhookSecret: webhookSecretSchema,
});
export type HttpChannelConfig = z.infer<typeof httpChannelConfigSchema>;

/**
 * The generic HTTP channel: customers POST signed JSON to
 * `/webhooks/http/:channelId` and receive signed JSON replies at `outboundUrl`.
 * One secret signs both directions (Standard Webhooks).
 */
export const httpChannelAdapter: ChannelAdapter<HttpChannelConfig> = {
  type: 'http',
  configSchema: httpChannelConfigSchema,
  verify: (request, config) => verifyHttpSignature(request.rawBody, request.headers, config.webhookSecret),
  parse: (body) => {
    const result = parseHttpInbound(body);
    return result.ok ? { ok: true, messages: [result.message] } : result;
  },
  render: (message, config, now) => ({
    method: 'POST',
    url: config.outboundUrl,
    ...renderHttpOutbound(message, config.webhookSecret, now),
  }),
};
