import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import {
  isWebchatOriginAllowed,
  verifyWebchatStreamTicket,
  verifyWebchatVisitorToken,
  webchatChannelConfigSchema,
  type WebchatChannelConfig,
  type WebchatCredentialCheck,
} from '@parley/channels';
import { type Channel, type Db, type ChannelCache } from '@parley/db';
import { isVisitorTokenRevoked } from './webchat-visitor-revocations';

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

/** What checking a visitor's credential needs: the platform key, and Redis for revocations. */
export type VisitorAuthDeps = { secretKey: string; redis: Redis; prefix: string };

export type AuthenticatedVisitor = { ok: true; visitorId: string; issuedAt: number };

/**
 * The visitor of `Authorization: Bearer <token>`: 401 when missing, malformed, not
 * signed by this platform for this channel, expired, or revoked (the channel's
 * `visitorTokensNotBefore`, or the visitor's own revocation).
 */
export async function authenticateVisitor(
  deps: VisitorAuthDeps,
  context: WebchatRequestContext,
  request: FastifyRequest,
): Promise<AuthenticatedVisitor | WebchatRefusal> {
  return admit(deps, context, verifyWebchatVisitorToken(deps.secretKey, context.channel.id, readBearer(request)), 'Visitor token');
}

/**
 * The visitor an event stream is for: a short-lived `?ticket=` (what the widget's
 * EventSource sends, see signWebchatStreamTicket), or a visitor token in the
 * Authorization header (clients that can set headers). Never a token in the URL.
 */
export async function authenticateStream(
  deps: VisitorAuthDeps,
  context: WebchatRequestContext,
  request: FastifyRequest,
): Promise<AuthenticatedVisitor | WebchatRefusal> {
  const ticket = readQuery(request, 'ticket');
  if (ticket === undefined) return authenticateVisitor(deps, context, request);
  return admit(deps, context, verifyWebchatStreamTicket(deps.secretKey, context.channel.id, ticket), 'Stream ticket');
}

async function admit(deps: VisitorAuthDeps, context: WebchatRequestContext, checked: WebchatCredentialCheck, what: string): Promise<AuthenticatedVisitor | WebchatRefusal> {
  if (!checked.ok) return refuse(401, 'invalid_token', `${what} refused: ${checked.reason}`);
  const notBefore = visitorTokensNotBefore(context.config);
  if (
    (notBefore !== undefined && checked.issuedAt < notBefore) ||
    (await isVisitorTokenRevoked(deps.redis, deps.prefix, context.channel.id, checked.visitorId, checked.issuedAt))
  ) {
    return refuse(401, 'invalid_token', `${what} refused: revoked`);
  }
  return checked;
}

/**
 * The checks of every web chat request a visitor makes with their token: the channel
 * (openWebchatRequest), then the visitor (authenticateVisitor).
 */
export async function openVisitorRequest(
  deps: WebchatRequestDeps & VisitorAuthDeps,
  channelId: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<({ ok: true; visitor: AuthenticatedVisitor } & WebchatRequestContext) | WebchatRefusal> {
  const opened = await openWebchatRequest(deps, channelId, request, reply);
  if (!opened.ok) return opened;
  const visitor = await authenticateVisitor(deps, opened, request);
  return visitor.ok ? { ...opened, visitor } : visitor;
}

/**
 * The channel's token cut-off (epoch ms) at the resolution credentials carry their issue
 * time in (whole seconds): a credential issued in the cut-off's own second stands, so a
 * visitor given a new token right after the cut-off is never refused with it.
 */
export function visitorTokensNotBefore(config: Pick<WebchatChannelConfig, 'visitorTokensNotBefore'>): number | undefined {
  const value = config.visitorTokensNotBefore;
  return value === undefined ? undefined : Math.floor(Date.parse(value) / 1_000) * 1_000;
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
