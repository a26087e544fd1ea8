import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { TRPCError } from '@trpc/server';
import { appRouter, createContext, logMailer, type AppRouter, type Mailer } from '@parley/api';
import { createAuth } from '@parley/auth';
import { createChannelCache, createInboundBatcher, createWorkspaceWithOwner, type Db } from '@parley/db';
import type { HttpPolicy } from '@parley/http';
import { createInboundLanes, type Queues } from '@parley/queue';
import { createInboundEnqueuer } from './routes/inbound-enqueuer';
import { createOriginCheck } from './auth/create-origin-check';
import { firstWorkspaceName } from './auth/first-workspace-name';
import { registerAuthRoutes } from './auth/register-auth-routes';
import { resolveAccess } from './auth/resolve-access';
import { edgeHttpOptions } from './edge/edge-http-options';
import { fastifyTrustProxy } from './edge/fastify-trust-proxy';
import type { IpLimits } from './edge/ip-limits';
import { createIpRateLimiter } from './edge/ip-rate-limiter';
import { createWorkspaceInboundLimiter } from './edge/workspace-inbound-limiter';
import { logDroppedConnections } from './edge/log-dropped-connections';
import type { TrustProxy } from './edge/trust-proxy-schema';
import { redactUrl } from './redact-url';
import { requireRouteAccess } from './routes/require-route-access';
import { registerHealthRoutes } from './routes/health-routes';
import { registerHttpWebhookRoute } from './routes/http-webhook-route';
import { registerTelegramWebhookRoute } from './routes/telegram-webhook-route';
import { registerWhatsAppWebhookRoute } from './routes/whatsapp-webhook-route';
import { registerWebchatRoutes } from './routes/webchat-routes';
import type { WebchatStreamLimitsInput } from './routes/webchat-stream-limits';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact request body as received, for signature checks. */
    rawBody?: string;
  }
}

export type ServerDeps = {
  db: Db;
  queues: Queues;
  secretKey: string;
  logger: FastifyBaseLogger;
  maxBodyBytes: number;
  /** How long a channel (settings and secrets) is cached by this process; 0 = read on every request. */
  channelCacheMs?: number;
  /** Messages per second of one workspace, per API process, above which they take the bulk lane (createInboundLanes); default 80. */
  workspaceTurnRate?: number;
  /** The operator's element egress policy (ELEMENT_EGRESS_ALLOW), for API element previews; default: public addresses only. */
  elementEgress?: HttpPolicy;
  /** Time a client has to send a whole request, headers and body (ms); default 15 000. */
  requestTimeoutMs?: number;
  /** Time a client has to send a request's headers (ms), enforced by Node (edgeHttpOptions); default 10 000. */
  headersTimeoutMs?: number;
  /** Most open connections (server.maxConnections), more are closed at once; default: no cap. */
  maxConnections?: number;
  /** Whose X-Forwarded-For makes request.ip (TRUST_PROXY, trustProxySchema); default false: the socket's peer. */
  trustProxy?: TrustProxy;
  /**
   * Per-address limits of web chat session mints, messages and stream opens, shared by
   * every API process through Redis (createIpRateLimiter, IP_LIMIT_*). Default: none, no
   * per-address limits (main.ts always passes the configured ones; in-process tests,
   * all from one address, go without).
   */
  ipLimits?: IpLimits;
  /** Web chat event stream caps and lifetime (webchatStreamLimitsSchema); defaults where not given. */
  webchatStreams?: WebchatStreamLimitsInput;
  /**
   * Inbound messages per second per workspace, all channels and API processes (a bucket
   * in Redis; createWorkspaceInboundLimiter); a workspace's inboundRatePerSecond overrides
   * it. Default 0: only workspaces with their own limit are limited.
   */
  workspaceInboundRate?: number;
  /**
   * PUBLIC_URL: the origin people reach the editor and the API at (one origin, so the
   * session cookie is first-party); better-auth's base URL, the origin cookie-carrying
   * requests must come from, the origin of links in emails. Default http://127.0.0.1:3000.
   */
  publicUrl?: string;
  /** TRUSTED_ORIGINS: more origins allowed to send cookie-carrying requests (normalized, as trustedOriginsSchema gives them); default none. */
  trustedOrigins?: readonly string[];
  /** Where invitation emails go; default: logged (logMailer through `logger`, the link included). */
  mailer?: Mailer;
};

/** PUBLIC_URL when none is given: the editor as `npm start` serves it. */
export const defaultPublicUrl = 'http://127.0.0.1:3000';

/**
 * The API host: webhook ingress, tRPC for the editor, sign-up / sign-in / sign-out
 * (better-auth under /api/auth), health probes.
 * Callers of /trpc are resolved by resolveAccess (an API key, else the session cookie);
 * cookie-carrying POST/PUT/PATCH/DELETE requests to /trpc and /api/auth must come from
 * PUBLIC_URL's origin or a TRUSTED_ORIGINS one (createOriginCheck: 403 otherwise).
 * Edge limits: headers within headersTimeoutMs, the whole request within requestTimeoutMs
 * (408, connection closed; responses such as the web chat event stream are not limited),
 * idle keep-alive connections closed after 5 s, at most maxConnections open, and the
 * per-address web chat limits (ipLimits, handed to the web chat routes as `ipLimiter`).
 * Every log line carries the request id (`requestId`, echoed as x-request-id).
 * Infrastructure failures (Postgres or Redis down) answer 503 with a short
 * message, never a stack trace; bad input answers 4xx naming the problem. On /trpc as
 * well: an unexpected error's message and every stack are removed before tRPC renders
 * the error (in every mode), and infrastructure failures answer 503.
 */
export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger,
    // Request lines are logged by the hooks below, with secret query values redacted.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: deps.maxBodyBytes,
    keepAliveTimeout: 5_000,
    http: edgeHttpOptions(deps.headersTimeoutMs ?? 10_000),
    trustProxy: fastifyTrustProxy(deps.trustProxy ?? false),
    // tRPC batches name every procedure of the batch in the path (`/trpc/bots.list,bots.get`):
    // Fastify's default limit of 100 characters would refuse an ordinary batch with 414.
    routerOptions: { maxParamLength: 5_000 },
  });

  if (deps.maxConnections !== undefined && deps.maxConnections > 0) app.server.maxConnections = deps.maxConnections;
  logDroppedConnections(app.server, app.log);
  // Every route declares who may call it, or the server does not start (requireRouteAccess).
  requireRouteAccess(app);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Fastify's own request lines would carry the URL as sent: WhatsApp's verify token and
  // web chat tokens travel in query strings (redactUrl).
  app.addHook('onRequest', async (request) => {
    request.log.info({ req: { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip } }, 'incoming request');
    closeIfNotReceivedWithin(request.raw, deps.requestTimeoutMs ?? 15_000, () => request.log.warn('request not received in time: 408, connection closed'));
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, 'request completed');
  });

  // JSON only: any other content type is refused with 415 before anything else (Fastify's
  // own text/plain parser would otherwise hand routes a body whose signature cannot match).
  // Keep the raw body (signatures are computed over exact bytes) and parse JSON
  // with an error that says what is wrong instead of a stack trace.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    if (text.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      const error = Object.assign(new Error('body: not valid JSON'), { statusCode: 400 });
      done(error, undefined);
    }
  });

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const statusCode = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (statusCode >= 500) {
      const unavailable = isInfrastructureError(error);
      request.log.error({ err: error }, unavailable ? 'dependency unavailable' : 'request failed');
      return reply
        .code(unavailable ? 503 : 500)
        .send(unavailable
          ? { error: 'unavailable', message: unavailableMessage }
          : { error: 'internal', message: 'Internal error', requestId: request.id });
    }
    // One shape per status, as docs/http-channel.md lists them.
    if (statusCode === 415) {
      return reply
        .code(415)
        .header('accept-post', 'application/json')
        .send({ error: 'unsupported_media_type', message: 'Content-Type must be application/json', accepted: ['application/json'] });
    }
    if (statusCode === 400) return reply.code(400).send({ error: 'invalid_body', field: 'body', message: error.message });
    const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'payload_too_large' : 'bad_request';
    return reply.code(statusCode).send({ error: code, message: error.message });
  });

  const channels = createChannelCache(deps.secretKey, { ttlMs: deps.channelCacheMs ?? 5_000 });
  const lanes = createInboundLanes({ ratePerSecond: deps.workspaceTurnRate ?? 80 });
  const workspaceLimiter = createWorkspaceInboundLimiter({
    redis: deps.queues.connection,
    prefix: deps.queues.prefix,
    db: deps.db,
    defaultRatePerSecond: deps.workspaceInboundRate ?? 0,
  });
  const ingress = { db: deps.db, inbox: createInboundBatcher(deps.db), queues: deps.queues, lanes, enqueuer: createInboundEnqueuer(deps.queues), channels, workspaceLimiter };
  registerHealthRoutes(app, { db: deps.db, redis: deps.queues.connection });
  registerHttpWebhookRoute(app, ingress);
  registerWhatsAppWebhookRoute(app, ingress);
  registerTelegramWebhookRoute(app, ingress);
  const ipLimiter = deps.ipLimits ? createIpRateLimiter({ redis: deps.queues.connection, prefix: deps.queues.prefix, limits: deps.ipLimits }) : undefined;
  registerWebchatRoutes(app, { ...ingress, secretKey: deps.secretKey, ipLimiter, ...(deps.webchatStreams ? { streamLimits: deps.webchatStreams } : {}) });

  const publicOrigin = new URL(deps.publicUrl ?? defaultPublicUrl).origin;
  const allowedOrigins = [publicOrigin, ...(deps.trustedOrigins ?? [])];
  const auth = createAuth({
    db: deps.db,
    secretKey: deps.secretKey,
    publicUrl: publicOrigin,
    trustedOrigins: deps.trustedOrigins ?? [],
    // Sign-up creates the user's first workspace, with them as its owner.
    onUserCreated: async (user) => {
      await createWorkspaceWithOwner(deps.db, { name: firstWorkspaceName(user), ownerUserId: user.id });
    },
    log: (level, message, details) => deps.logger[level]({ details: details.map(describeLogDetail) }, `auth: ${message}`),
  });
  registerAuthRoutes(app, {
    handler: auth.handler,
    publicOrigin,
    originCheck: createOriginCheck({ allowedOrigins, skipWithAuthorization: false }),
  });

  const mailer = deps.mailer ?? logMailer((line, message) => deps.logger.info({ mail: message }, line));
  app.register(async (trpcScope) => {
    trpcScope.addHook('onRequest', createOriginCheck({ allowedOrigins, skipWithAuthorization: true }));
    await trpcScope.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: {
        router: appRouter,
        createContext: async ({ req, res }) => {
          const access = await resolveAccess({ db: deps.db, auth }, req.headers);
          if (access.setCookies.length > 0) res.header('set-cookie', access.setCookies);
          return createContext({
            db: deps.db,
            secretKey: deps.secretKey,
            principal: access.principal,
            workspace: access.workspace,
            role: access.role,
            ...(access.authSessionId ? { authSessionId: access.authSessionId } : {}),
            mailer,
            publicUrl: publicOrigin,
            ...(deps.elementEgress ? { egress: deps.elementEgress } : {}),
          });
        },
        // tRPC calls onError before it renders the error (resolveResponse): the log gets
        // the original; the client gets no stack in any mode, and an unexpected error's
        // message (Prisma's and SQL text among them) is replaced.
        onError: ({ error, path }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR') {
            const unavailable = isInfrastructureError(error);
            deps.logger.error({ err: error, path }, unavailable ? 'tRPC: dependency unavailable' : 'tRPC error');
            error.message = unavailable ? unavailableMessage : 'Internal server error';
          }
          error.stack = undefined;
        },
        responseMeta: ({ errors }) => (errors.some(isUnavailable) ? { status: 503 } : {}),
      } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
    });
  });

  return app;
}

const unavailableMessage = 'Storage or queue is unavailable; retry later';

/** A tRPC error that stands for an infrastructure failure (answered 503). */
function isUnavailable(error: TRPCError): boolean {
  return error.code === 'INTERNAL_SERVER_ERROR' && (error.message === unavailableMessage || isInfrastructureError(error));
}

/** A better-auth log argument as something pino can write (errors by name and message only). */
function describeLogDetail(detail: unknown): unknown {
  return detail instanceof Error ? { name: detail.name, message: detail.message } : detail;
}

/**
 * Connection-level failures of Postgres (Prisma/pg) or Redis mean "retry later", i.e. 503:
 * unreachable, connection lost, pool exhausted, or a server shutting down / starting up
 * (SQLSTATE class 08, 57P01–57P03, 53300 as Prisma reports them: Code: `57P03`).
 * Errors wrapping such a failure count too (their `cause` chain, a few levels deep:
 * tRPC and better-auth wrap the driver's error in their own).
 */
function isInfrastructureError(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error)) return false;
  const text = `${error.name} ${error.message} ${String(Reflect.get(error, 'code') ?? '')}`;
  return infrastructureFailure.test(text) || (depth < 4 && error.cause !== undefined && error.cause !== error && isInfrastructureError(error.cause, depth + 1));
}

const infrastructureFailure = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection is closed|Can't reach database|P1001|P1002|P1008|P1017|P2024|DriverAdapterError|terminating connection|shutting down|starting up|`57P0[123]`|`08[0-9A-Z]{3}`|`53300`|Stream isn't writeable|MaxRetriesPerRequest|connect/i;

/**
 * A client must send its whole request (headers and body) within `ms` of its start, or get
 * 408 and a closed connection: a body announced and trickled byte by byte never holds a
 * socket for minutes. (Node's own requestTimeout did not close such a request here once its
 * headers were in.) Responses, the web chat event stream included, are not limited.
 */
function closeIfNotReceivedWithin(request: IncomingMessage, ms: number, onClose: () => void): void {
  if (request.complete) return;
  const timer = setTimeout(() => {
    if (request.complete || request.socket.destroyed) return;
    onClose();
    request.socket.end(requestTimeoutResponse);
    request.socket.destroySoon();
  }, ms);
  timer.unref();
  const clear = (): void => clearTimeout(timer);
  request.once('end', clear);
  request.once('close', clear);
}

const requestTimeoutBody = JSON.stringify({ error: 'request_timeout', message: 'The request was not received in time' });
const requestTimeoutResponse = `HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(requestTimeoutBody)}\r\n\r\n${requestTimeoutBody}`;
