import type { FastifyInstance } from 'fastify';
import { issueWebchatVisitor, parseWebchatInbound, signWebchatVisitorToken, toWebchatTranscriptEntry, verifyWebchatVisitorToken } from '@parley/channels';
import { listWebchatHistory, type Db, type ChannelCache, type InboundBatcher } from '@parley/db';
import type { Queues, InboundLanes } from '@parley/queue';
import { acceptInboundMessage } from './accept-inbound-message';
import { WebchatEventHub } from './webchat-event-hub';
import { registerWebchatEventsRoute } from './webchat-events-route';
import { takeWebchatMessageSlot } from './webchat-rate-limit';
import { authenticateVisitor, openWebchatRequest, readBearer, readQuery } from './webchat-request';
import { registerWebchatScriptRoute } from './webchat-script-route';

export type WebchatDeps = { db: Db; inbox: InboundBatcher; queues: Queues; lanes?: InboundLanes; secretKey: string; channels: ChannelCache };

/**
 * The web chat channel's API, called by the widget (`/webchat.js`) from the
 * pages on a channel's allowedOrigins (CORS; preflights answered here):
 * - POST /webchat/:channelId/sessions → `{ visitorId, token, resumed, title, welcomeText }`;
 *   a valid `Authorization: Bearer <token>` resumes that visitor (200), anything
 *   else starts a new one (201).
 * - POST /webchat/:channelId/messages (Bearer) `{ clientMessageId, text }` →
 *   stored and enqueued like every ingress (202 `accepted`; a retried
 *   clientMessageId answers 200 `duplicate` and is not processed twice).
 * - GET /webchat/:channelId/events?token= → the replies as server-sent events.
 * - GET /webchat/:channelId/history (Bearer) → `{ messages, cursor }`, oldest first.
 * The visitor id is the conversation's contact. 401 for a bad token, 403 for an
 * origin not allowed, 404 for an unknown or disabled channel, 429 past
 * webchatMessagesPerMinute, 503 when Postgres or Redis is down.
 */
export function registerWebchatRoutes(app: FastifyInstance, deps: WebchatDeps): void {
  const prefix = deps.queues.inbound.opts.prefix ?? 'bull';
  const hub = new WebchatEventHub(deps.queues.connection, prefix, app.log);
  // Open event streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => hub.close());

  registerWebchatScriptRoute(app);
  registerWebchatEventsRoute(app, { db: deps.db, secretKey: deps.secretKey, channels: deps.channels, hub });

  app.options<{ Params: { channelId: string; resource: string } }>('/webchat/:channelId/:resource', async (request, reply) => {
    const opened = await openWebchatRequest(deps, request.params.channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', 'authorization, content-type, last-event-id')
      .header('access-control-max-age', '600')
      .send();
  });

  app.post<{ Params: { channelId: string } }>('/webchat/:channelId/sessions', async (request, reply) => {
    const { channelId } = request.params;
    const opened = await openWebchatRequest(deps, channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    const existing = readBearer(request);
    const verified = verifyWebchatVisitorToken(deps.secretKey, channelId, existing);
    // A visitor coming back keeps their conversation with a fresh token (a sliding expiry).
    const visitor = verified.ok ? { visitorId: verified.visitorId, token: signWebchatVisitorToken(deps.secretKey, channelId, verified.visitorId) } : issueWebchatVisitor(deps.secretKey, channelId);
    if (!verified.ok) request.log.info({ channelId, contact: visitor.visitorId, previous: verified.reason }, 'web chat visitor started');
    return reply.code(verified.ok ? 200 : 201).send({
      ...visitor,
      resumed: verified.ok,
      title: opened.config.title,
      welcomeText: opened.config.welcomeText ?? null,
    });
  });

  app.post<{ Params: { channelId: string } }>('/webchat/:channelId/messages', async (request, reply) => {
    const { channelId } = request.params;
    const opened = await openWebchatRequest(deps, channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    const visitor = authenticateVisitor(deps.secretKey, channelId, request, { allowQuery: false });
    if (!visitor.ok) return reply.code(visitor.status).send(visitor.body);
    const parsed = parseWebchatInbound(request.body, visitor.visitorId);
    if (!parsed.ok) {
      return reply.code(400).send({ error: 'invalid_body', field: parsed.error.field, message: parsed.error.message });
    }
    const wait = await takeWebchatMessageSlot(deps.queues.connection, prefix, channelId, visitor.visitorId, Date.now());
    if (wait > 0) {
      return reply.code(429).header('retry-after', String(wait)).send({ error: 'too_many_messages', message: `Slow down; retry in ${wait} s` });
    }
    const outcome = await acceptInboundMessage(deps, opened.channel, parsed.message, request.log);
    return reply.code(outcome.status === 'accepted' ? 202 : 200).send(outcome);
  });

  app.get<{ Params: { channelId: string } }>('/webchat/:channelId/history', async (request, reply) => {
    const { channelId } = request.params;
    const opened = await openWebchatRequest(deps, channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    const visitor = authenticateVisitor(deps.secretKey, channelId, request, { allowQuery: false });
    if (!visitor.ok) return reply.code(visitor.status).send(visitor.body);
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
