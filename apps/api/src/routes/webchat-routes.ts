import type { FastifyInstance } from 'fastify';
import {
  issueWebchatVisitor,
  parseWebchatInbound,
  signWebchatStreamTicket,
  signWebchatVisitorToken,
  toWebchatTranscriptEntry,
  webchatStreamTicketTtlMs,
} from '@parley/channels';
import { listWebchatHistory } from '@parley/db';
import type { IpRateLimiter } from '../edge/ip-rate-limiter';
import { acceptInboundMessage } from './accept-inbound-message';
import type { IngressDeps } from './ingress-deps';
import { sendWorkspaceRateLimited } from './send-workspace-rate-limited';
import { WebchatEventHub } from './webchat-event-hub';
import { registerWebchatEventsRoute } from './webchat-events-route';
import { sendTooManyRequests } from '../edge/send-too-many-requests';
import { takeWebchatMessageSlot } from './webchat-rate-limit';
import { authenticateVisitor, openVisitorRequest, openWebchatRequest, readBearer, readQuery } from './webchat-request';
import { registerWebchatScriptRoute } from './webchat-script-route';
import { webchatStreamLimitsSchema, type WebchatStreamLimitsInput } from './webchat-stream-limits';
import { revokeVisitorTokens } from './webchat-visitor-revocations';
import { publicRoute } from './route-access';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's open web chat event streams (stats for tests and benchmarks). */
    webchatStreams?: WebchatEventHub;
  }
}

export type WebchatDeps = IngressDeps & {
  secretKey: string;
  /** Per-address token buckets shared by every API process (session mints, messages, stream opens); none: no per-address limit. */
  ipLimiter?: IpRateLimiter;
  /** Event stream caps, lifetime and checks (webchatStreamLimitsSchema); defaults where not given. */
  streamLimits?: WebchatStreamLimitsInput;
};

/**
 * The web chat channel's API, called by the widget (`/webchat.js`) from the
 * pages on a channel's allowedOrigins (CORS; preflights answered here):
 * - POST /webchat/:channelId/sessions → `{ visitorId, token, resumed, title, welcomeText }`;
 *   a valid `Authorization: Bearer <token>` resumes that visitor (200), anything
 *   else starts a new one (201).
 * - DELETE /webchat/:channelId/sessions (Bearer) → 204: the visitor's tokens are
 *   revoked (signing out on a shared computer) and their open streams end.
 * - POST /webchat/:channelId/messages (Bearer) `{ clientMessageId, text }` →
 *   stored and enqueued like every ingress (202 `accepted`; a retried
 *   clientMessageId answers 200 `duplicate` and is not processed twice).
 * - POST /webchat/:channelId/stream-tickets (Bearer) → 201 `{ ticket, expiresAt }`:
 *   a one-minute ticket for the event stream's URL.
 * - GET /webchat/:channelId/events?ticket= → the replies as server-sent events.
 * - GET /webchat/:channelId/history (Bearer) → `{ messages, cursor }`, oldest first.
 * The visitor id is the conversation's contact. 401 for a bad, expired or revoked
 * token, 403 for an origin not allowed, 404 for an unknown or disabled channel, 429
 * past webchatMessagesPerMinute or a per-address limit (with Retry-After), 503 when
 * Postgres or Redis is down.
 */
export function registerWebchatRoutes(app: FastifyInstance, deps: WebchatDeps): void {
  const prefix = deps.queues.inbound.opts.prefix ?? 'bull';
  const redis = deps.queues.connection;
  const auth = { secretKey: deps.secretKey, redis, prefix };
  const visitorDeps = { ...deps, ...auth };
  const limits = webchatStreamLimitsSchema.parse(deps.streamLimits ?? {});
  const hub = new WebchatEventHub({ redis, prefix, logger: app.log, db: deps.db, channels: deps.channels, limits });
  // Open event streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => hub.close());
  app.decorate('webchatStreams', hub);

  registerWebchatScriptRoute(app);
  registerWebchatEventsRoute(app, { ...auth, db: deps.db, channels: deps.channels, hub, ...(deps.ipLimiter ? { ipLimiter: deps.ipLimiter } : {}) });

  app.options<{ Params: { channelId: string; resource: string } }>('/webchat/:channelId/:resource', publicRoute('CORS preflight: answers only which origins, methods and headers the channel allows'), async (request, reply) => {
    const opened = await openWebchatRequest(deps, request.params.channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS')
      .header('access-control-allow-headers', 'authorization, content-type, last-event-id')
      .header('access-control-max-age', '600')
      .send();
  });

  app.post<{ Params: { channelId: string } }>('/webchat/:channelId/sessions', publicRoute('anyone may start a web chat visitor on an enabled channel from an allowed origin; limited per address'), async (request, reply) => {
    const { channelId } = request.params;
    const opened = await openWebchatRequest(deps, channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    const verified = readBearer(request) === undefined ? undefined : await authenticateVisitor(auth, opened, request);
    if (!verified?.ok) {
      const limited = await deps.ipLimiter?.take('session', request.ip);
      if (limited && !limited.ok) return sendTooManyRequests(reply, 'session', limited.retryAfterSeconds);
    }
    // A visitor coming back keeps their conversation with a fresh token (a sliding expiry).
    const visitor = verified?.ok ? { visitorId: verified.visitorId, token: signWebchatVisitorToken(deps.secretKey, channelId, verified.visitorId) } : issueWebchatVisitor(deps.secretKey, channelId);
    if (!verified?.ok) request.log.info({ channelId, contact: visitor.visitorId, previous: verified?.body.message ?? 'no token' }, 'web chat visitor started');
    return reply.code(verified?.ok ? 200 : 201).send({
      ...visitor,
      resumed: verified?.ok === true,
      title: opened.config.title,
      welcomeText: opened.config.welcomeText ?? null,
    });
  });

  app.delete<{ Params: { channelId: string } }>('/webchat/:channelId/sessions', publicRoute('the visitor token authenticates the visitor signing out'), async (request, reply) => {
    const { channelId } = request.params;
    const opened = await openVisitorRequest(visitorDeps, channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    const { visitor } = opened;
    await revokeVisitorTokens(redis, prefix, channelId, visitor.visitorId, Date.now());
    request.log.info({ channelId, contact: visitor.visitorId }, 'web chat visitor signed out: tokens revoked');
    return reply.code(204).send();
  });

  app.post<{ Params: { channelId: string } }>('/webchat/:channelId/stream-tickets', publicRoute('the visitor token authenticates the visitor'), async (request, reply) => {
    const { channelId } = request.params;
    const opened = await openVisitorRequest(visitorDeps, channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    const { visitor } = opened;
    const now = Date.now();
    reply.header('cache-control', 'no-store');
    return reply.code(201).send({
      ticket: signWebchatStreamTicket(deps.secretKey, channelId, visitor.visitorId, now),
      expiresAt: new Date(Math.floor(now / 1_000) * 1_000 + webchatStreamTicketTtlMs).toISOString(),
    });
  });

  app.post<{ Params: { channelId: string } }>('/webchat/:channelId/messages', publicRoute('the visitor token authenticates the visitor; limited per visitor, address and workspace'), async (request, reply) => {
    const { channelId } = request.params;
    const opened = await openVisitorRequest(visitorDeps, channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    const { visitor } = opened;
    const parsed = parseWebchatInbound(request.body, visitor.visitorId);
    if (!parsed.ok) {
      return reply.code(400).send({ error: 'invalid_body', field: parsed.error.field, message: parsed.error.message });
    }
    // Per address first: a fresh visitor token resets the per-visitor window, not this one.
    const limited = await deps.ipLimiter?.take('message', request.ip);
    if (limited && !limited.ok) return sendTooManyRequests(reply, 'message', limited.retryAfterSeconds);
    const wait = await takeWebchatMessageSlot(deps.queues.connection, prefix, channelId, visitor.visitorId, Date.now());
    if (wait > 0) {
      return reply.code(429).header('retry-after', String(wait)).send({ error: 'too_many_messages', message: `Slow down; retry in ${wait} s` });
    }
    const outcome = await acceptInboundMessage(deps, opened.channel, parsed.message, request.log);
    if (outcome.status === 'rate-limited') return sendWorkspaceRateLimited(reply, outcome.retryAfterSeconds);
    return reply.code(outcome.status === 'accepted' ? 202 : 200).send(outcome);
  });

  app.get<{ Params: { channelId: string } }>('/webchat/:channelId/history', publicRoute("the visitor token authenticates the visitor; only that visitor's messages"), async (request, reply) => {
    const { channelId } = request.params;
    const opened = await openVisitorRequest(visitorDeps, channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    const { visitor } = opened;
    const limit = Number(readQuery(request, 'limit') ?? 50);
    const history = await listWebchatHistory(deps.db, {
      channelId,
      contact: visitor.visitorId,
      limit: Number.isInteger(limit) ? limit : 50,
    });
    reply.header('cache-control', 'no-store');
    return reply.send({ messages: history.messages.map(toWebchatTranscriptEntry), cursor: history.cursor.toString() });
  });
}
