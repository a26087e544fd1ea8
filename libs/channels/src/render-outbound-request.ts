import { z } from 'zod';
import type { ChannelAdapter, OutboundRequestSpec } from './channel-adapter';
import { ChannelRenderError } from './channel-render-error';
import { httpChannelAdapter, httpChannelConfigSchema, type HttpChannelConfig } from './http-channel-adapter';
import { asObject } from './json-fields';
import type { OutboundMessage } from './outbound-message';
import { telegramChannelAdapter } from './telegram-channel-adapter';
import { whatsappChannelAdapter } from './whatsapp-channel-adapter';

/** The parts of a channel row rendering needs: its type, its config and its decrypted secrets. */
export type OutboundChannel = { type: string; config: unknown; secrets: unknown };

/** Channel types Parley can send replies to. */
export type OutboundChannelType = 'http' | 'whatsapp' | 'telegram';

/**
 * Delivery takes any HTTP channel whose secret signs, as it always did; the
 * 24–64-byte rule of `httpChannelConfigSchema` applies when secrets are made.
 */
const httpDeliveryAdapter: ChannelAdapter<HttpChannelConfig> = {
  ...httpChannelAdapter,
  configSchema: httpChannelConfigSchema.extend({ webhookSecret: z.string().min(1) }),
};

/**
 * The HTTP request that delivers `message` on `channel`, chosen by channel type:
 * `http` → a signed POST to the channel's outboundUrl; `whatsapp` → the Graph
 * API's messages endpoint; `telegram` → the Bot API's sendMessage. Config and
 * secrets are merged and validated with the type's schema first.
 * Render once per delivery attempt (`now` signs HTTP-channel requests).
 * Pure, no I/O. Throws ChannelRenderError — `unsupported-channel`,
 * `invalid-config` (naming the fields, never their values) or `not-renderable` —
 * all permanent failures.
 */
export function renderOutboundRequest(channel: OutboundChannel, message: OutboundMessage, now: Date = new Date()): OutboundRequestSpec {
  switch (channel.type) {
    case 'http':
      return renderWith(httpDeliveryAdapter, channel, message, now);
    case 'whatsapp':
      return renderWith(whatsappChannelAdapter, channel, message, now);
    case 'telegram':
      return renderWith(telegramChannelAdapter, channel, message, now);
    default:
      throw new ChannelRenderError('unsupported-channel', `channel type ${channel.type} cannot send replies`);
  }
}

function renderWith<Config>(adapter: ChannelAdapter<Config>, channel: OutboundChannel, message: OutboundMessage, now: Date): OutboundRequestSpec {
  const config = parseChannelSettings(adapter.configSchema, channel);
  if (!config.ok) throw new ChannelRenderError('invalid-config', `${channel.type} channel misconfigured: ${config.problems}`);
  try {
    return adapter.render(message, config.value, now);
  } catch (error) {
    if (error instanceof ChannelRenderError) throw error;
    // e.g. an HTTP channel secret that is not whsec_<base64>: say so without echoing it.
    const name = error instanceof Error ? error.name : typeof error;
    throw new ChannelRenderError('invalid-config', `${channel.type} channel misconfigured: its secrets cannot sign the request (${name})`);
  }
}

/**
 * A channel's config and secrets merged (secrets win on a name clash) and
 * validated with `schema`; on failure the problems name fields, never values.
 */
export function parseChannelSettings<Config>(
  schema: z.ZodType<Config>,
  channel: Pick<OutboundChannel, 'config' | 'secrets'>,
): { ok: true; value: Config } | { ok: false; problems: string } {
  const parsed = schema.safeParse({ ...asObject(channel.config), ...asObject(channel.secrets) });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`).join('; ') };
}
