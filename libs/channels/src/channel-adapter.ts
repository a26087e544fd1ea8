import type { z } from 'zod';
import type { InboundMessage } from './inbound-message';
import type { OutboundMessage } from './outbound-message';

/** Channels Parley speaks or will speak. */
export type ChannelType = 'http' | 'whatsapp' | 'telegram' | 'web-chat';

/** Request headers as Node and Fastify give them (lower-case names). */
export type InboundHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** What the webhook ingress hands an adapter: the exact body bytes received, and the headers. */
export type InboundRequest = { rawBody: string; headers: InboundHeaders };

export type VerifyResult<Reason extends string = string> = { ok: true } | { ok: false; reason: Reason };

/** Why a body was refused, naming the offending field (`(body)` when the body itself is wrong). */
export type ParseError = {
  field: string;
  rule: 'required' | 'type' | 'too-short' | 'too-long' | 'format';
  /** `field: what is wrong`, safe to return to the sender. */
  message: string;
};

/** A channel may deliver several messages in one webhook call, or none (e.g. status receipts). */
export type ParseResult = { ok: true; messages: InboundMessage[] } | { ok: false; error: ParseError };

/** A fully rendered outbound HTTP call, ready for `httpRequest` in @parley/http. */
export type OutboundRequestSpec = {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
};

/**
 * The contract every channel implements (HTTP now; WhatsApp, Telegram, web chat
 * later). All three steps are synchronous and do no I/O: the ingress performs
 * them inside the webhook request, and the outbound worker sends what `render`
 * returns through @parley/http.
 *
 * - `verify` authenticates the raw request (signature, shared token) before the
 *   body is trusted or even parsed. Must be constant-time on secrets.
 * - `parse` turns the parsed JSON body into inbound messages, or names the bad field.
 * - `render` turns one reply into the channel's API call. Called once per delivery
 *   attempt with the current time, so signatures are fresh on every retry.
 *
 * `Config` is the channel row's config and secrets, validated by `configSchema`.
 */
export interface ChannelAdapter<Config> {
  readonly type: ChannelType;
  readonly configSchema: z.ZodType<Config>;
  verify(request: InboundRequest, config: Config): VerifyResult;
  parse(body: unknown): ParseResult;
  render(message: OutboundMessage, config: Config, now: Date): OutboundRequestSpec;
}
