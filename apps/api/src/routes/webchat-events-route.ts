import type { FastifyInstance } from 'fastify';
import { toWebchatTranscriptEntry } from '@parley/channels';
import { getWebchatReplyCursor, listWebchatReplies, type Db, type ChannelCache } from '@parley/db';
import type { IpRateLimiter } from '../edge/ip-rate-limiter';
import type { WebchatStreamEndReason } from './webchat-contact-feed';
import type { WebchatEventHub } from './webchat-event-hub';
import { sendTooManyRequests } from '../edge/send-too-many-requests';
import { authenticateStream, openWebchatRequest, readQuery, singleHeader, type VisitorAuthDeps } from './webchat-request';
import { publicRoute } from './route-access';

export type WebchatEventsDeps = VisitorAuthDeps & { db: Db; channels: ChannelCache; hub: WebchatEventHub; ipLimiter?: IpRateLimiter };

/**
 * GET /webchat/:channelId/events?ticket=… — the visitor's bot replies as
 * server-sent events, as they are delivered: `id:` is the reply's seq, `data:`
 * a WebchatTranscriptEntry (JSON). Authenticated by a short-lived stream ticket
 * (POST …/stream-tickets) or a visitor token in the Authorization header.
 * Replays the replies after `Last-Event-ID` (header, or `?lastEventId=` for a fresh
 * EventSource) first; without one the stream starts after the replies already
 * delivered. Replies are sent in seq order and at most once per stream. After the
 * replay an `event: ready` (data `{ cursor }`) says the stream is live. Comments keep
 * idle connections open.
 * The server ends a stream with a last event saying why: `event: reconnect` (its
 * lifetime is over, the process is shutting down, or reading replies failed: open a
 * new one with a fresh ticket) or `event: closed` (replaced by a newer stream of the
 * same visitor, channel disabled or deleted, credential revoked: do not reconnect by
 * itself). A reader that stops reading is dropped without a word (maxBufferedBytes).
 * The limits are webchatStreamLimitsSchema's; past the per-address cap 429, past the
 * per-process cap 503, both with Retry-After.
 */
export function registerWebchatEventsRoute(app: FastifyInstance, deps: WebchatEventsDeps): void {
  // logLevel warn: per-request info lines are not needed for long-lived streams (our request log redacts tickets anyway).
  app.get<{ Params: { channelId: string } }>('/webchat/:channelId/events', { logLevel: 'warn', ...publicRoute('a stream ticket or visitor token authenticates the visitor; per-address and per-process caps bound it') }, async (request, reply) => {
    const { channelId } = request.params;
    const opened = await openWebchatRequest(deps, channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    const visitor = await authenticateStream(deps, opened, request);
    if (!visitor.ok) return reply.code(visitor.status).send(visitor.body);
    const limited = await deps.ipLimiter?.take('stream', request.ip);
    if (limited && !limited.ok) return sendTooManyRequests(reply, 'stream', limited.retryAfterSeconds);
    const contact = visitor.visitorId;
    const log = request.log.child({ channelId, contact });
    const raw = reply.raw;

    let headersSent = false;
    let finished = false;
    const send = (text: string): void => {
      if (!finished && headersSent) raw.write(text);
    };
    let endedEarly: WebchatStreamEndReason | undefined;
    const end = (reason: WebchatStreamEndReason): void => {
      if (finished) return;
      if (!headersSent) {
        endedEarly = reason; // told once the headers are out, below
        return;
      }
      finished = true;
      if (reason === 'slow-reader') {
        log.warn({ buffered: raw.writableLength }, 'web chat stream reader too slow; dropping it');
        raw.destroy();
        return;
      }
      const event = reason === 'lifetime' || reason === 'shutdown' || reason === 'failed' ? 'reconnect' : 'closed';
      raw.write(`event: ${event}\ndata: ${JSON.stringify({ reason })}\n\n`);
      raw.end();
    };
    const opening = deps.hub.open({ channelId, contact, address: request.ip, credentialIssuedAt: visitor.issuedAt, sink: { send, end, buffered: () => raw.writableLength } });
    if (!opening.ok) {
      if (opening.reason === 'address-cap') return sendTooManyRequests(reply, 'stream', 30);
      return reply.code(503).header('retry-after', '5').send({ error: 'unavailable', message: 'Too many open streams on this server; retry later' });
    }
    const handle = opening.stream;
    try {
      // Subscribe before the first read: a reply delivered from here on is either
      // found by the replay or announced to this stream.
      await deps.hub.listen();
    } catch (error) {
      handle.close();
      throw error;
    }
    reply.hijack();
    raw.on('close', () => {
      finished = true;
      handle.close();
    });
    if (!raw.socket || raw.socket.destroyed) {
      handle.close(); // the visitor left while we were subscribing
      return;
    }
    const headers = Object.fromEntries(Object.entries(reply.getHeaders()).filter((entry) => entry[1] !== undefined));
    raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });
    headersSent = true;
    if (endedEarly !== undefined) {
      end(endedEarly); // e.g. replaced by a newer stream of the visitor while subscribing
      return;
    }
    send('retry: 3000\n\n');
    try {
      const given = parseSeq(singleHeader(request, 'last-event-id') ?? readQuery(request, 'lastEventId'));
      let cursor = given ?? (await getWebchatReplyCursor(deps.db, channelId, contact));
      // This stream's own replay; from `goLive` on, the visitor's shared feed sends to it.
      for (let more = given !== undefined; more && !handle.closed; ) {
        const page = await listWebchatReplies(deps.db, { channelId, contact, afterSeq: cursor });
        for (const message of page.messages) send(`id: ${message.seq.toString()}\ndata: ${JSON.stringify(toWebchatTranscriptEntry(message))}\n\n`);
        cursor = page.cursor;
        more = page.more;
      }
      handle.goLive(cursor);
      send(`event: ready\ndata: ${JSON.stringify({ cursor: cursor.toString() })}\n\n`);
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'web chat stream replay failed; ending it');
      handle.close();
      end('failed');
    }
  });
}

/** The largest Message.seq Postgres can hold (bigint). */
const maxSeq = 2n ** 63n - 1n;

/**
 * A Last-Event-ID as a seq; undefined when absent or not a seq — not digits, or beyond
 * Postgres' bigint (then the stream starts at the present instead of failing a query).
 */
export function parseSeq(value: string | undefined): bigint | undefined {
  if (value === undefined || !/^\d{1,19}$/.test(value)) return undefined;
  const seq = BigInt(value);
  return seq <= maxSeq ? seq : undefined;
}
