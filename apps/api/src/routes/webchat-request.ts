import type { FastifyReply, FastifyRequest } from 'fastify';
import { isWebchatOriginAllowed, verifyWebchatVisitorToken, webchatChannelConfigSchema, type WebchatChannelConfig } from '@parley/channels';
import { type Channel, type Db, type ChannelCache } from '@parley/db';

export type WebchatRequestDeps = { db: Db; channels: ChannelCache };

export type WebchatRequestContext = { channel: Channel; config: WebchatChannelConfig };

export type WebchatRefusal = { ok: false; status: number; body: { error: string; message: string } };

/**
 * The checks every web chat request starts with: the channel exists, is an
 * enabled web chat channel with a valid config (404 / 500 otherwise), and a
 * browser's Origin is on its allowedOrigins. An allowed origin gets the CORS
 * headers on `reply`; a refused one gets 403 without them, so the browser
 * refuses the response too. Requests without an Origin header (not from a
 * cross-origin page) pass: the visitor token is what authenticates.
 */
export async function openWebchatRequest(
  deps: WebchatRequestDeps,
  channelId: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<({ ok: true } & WebchatRequestContext) | WebchatRefusal> {
  const channel = await deps.channels.get(deps.db, channelId);
  if (!channel || channel.type !== 'webchat' || !channel.enabled) {
    return refuse(404, 'not_found', `No enabled web chat channel ${channelId}`);
  }
  const config = webchatChannelConfigSchema.safeParse(channel.config);
  if (!config.success) {
    request.log.error({ channelId, problems: config.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) }, 'web chat channel misconfigured');
    return refuse(500, 'channel_misconfigured', 'Channel configuration is incomplete');
  }
  const origin = singleHeader(request, 'origin');
  if (!isWebchatOriginAllowed(config.data, origin)) {
    return refuse(403, 'origin_not_allowed', `Origin ${origin ?? ''} may not use this channel`);
  }
  if (origin !== undefined) {
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
  }
  return { ok: true, channel, config: config.data };
}

/**
 * The visitor id from the request's token: `Authorization: Bearer <token>`, or
 * `?token=` where `allowQuery` (EventSource cannot set headers). 401 when
 * missing, malformed or not signed by this platform for this channel.
 */
export function authenticateVisitor(
  secretKey: string,
  channelId: string,
  request: FastifyRequest,
  options: { allowQuery: boolean },
): { ok: true; visitorId: string } | WebchatRefusal {
  const token = readBearer(request) ?? (options.allowQuery ? readQuery(request, 'token') : undefined);
  const verified = verifyWebchatVisitorToken(secretKey, channelId, token);
  return verified.ok ? verified : refuse(401, 'invalid_token', `Visitor token refused: ${verified.reason}`);
}

/** The bearer token of the Authorization header, if any. */
export function readBearer(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(singleHeader(request, 'authorization') ?? '');
  return match?.[1];
}

/** A query-string parameter given once, as a string. */
export function readQuery(request: FastifyRequest, name: string): string | undefined {
  const query: unknown = request.query;
  const value: unknown = typeof query === 'object' && query !== null ? Reflect.get(query, name) : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function singleHeader(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function refuse(status: number, error: string, message: string): WebchatRefusal {
  return { ok: false, status, body: { error, message } };
}
