import type { FastifyInstance } from 'fastify';
import { toWebchatTranscriptEntry } from '@parley/channels';
import { getWebchatReplyCursor, listWebchatReplies, type Db, type ChannelCache } from '@parley/db';
import type { WebchatEventHub, WebchatStream } from './webchat-event-hub';
import { authenticateVisitor, openWebchatRequest, readQuery, singleHeader } from './webchat-request';

export type WebchatEventsDeps = { db: Db; secretKey: string; channels: ChannelCache; hub: WebchatEventHub };

/** Seconds between keep-alive comments, under common proxy idle timeouts. */
const heartbeatMs = 20_000;

/**
 * GET /webchat/:channelId/events?token=… — the visitor's bot replies as
 * server-sent events, as they are delivered: `id:` is the reply's seq, `data:`
 * a WebchatTranscriptEntry (JSON). Replays the replies after `Last-Event-ID`
 * (header, or `?lastEventId=` for a fresh EventSource) first; without one the
 * stream starts after the replies already delivered. Replies are sent in seq
 * order and at most once per stream. After the replay an `event: ready` (data
 * `{ cursor }`) says the stream is live. Comments keep idle connections open.
 * A database failure ends the stream; the client reconnects with its last id.
 */
export function registerWebchatEventsRoute(app: FastifyInstance, deps: WebchatEventsDeps): void {
  // logLevel warn: the URL carries the visitor token, so the per-request info lines (which log it) are skipped.
  app.get<{ Params: { channelId: string } }>('/webchat/:channelId/events', { logLevel: 'warn' }, async (request, reply) => {
    const { channelId } = request.params;
    const opened = await openWebchatRequest(deps, channelId, request, reply);
    if (!opened.ok) return reply.code(opened.status).send(opened.body);
    const visitor = authenticateVisitor(deps.secretKey, channelId, request, { allowQuery: true });
    if (!visitor.ok) return reply.code(visitor.status).send(visitor.body);
    const contact = visitor.visitorId;
    const log = request.log.child({ channelId, contact });

    const given = parseSeq(singleHeader(request, 'last-event-id') ?? readQuery(request, 'lastEventId'));
    let cursor = given ?? (await getWebchatReplyCursor(deps.db, channelId, contact));
    let started = false;
    let closed = false;
    let again = false;
    let running: Promise<void> | undefined;

    const write = (text: string): void => {
      if (!closed) reply.raw.write(text);
    };
    const drain = async (): Promise<void> => {
      do {
        again = false;
        for (;;) {
          const page = await listWebchatReplies(deps.db, { channelId, contact, afterSeq: cursor });
          for (const message of page.messages) {
            write(`id: ${message.seq.toString()}\ndata: ${JSON.stringify(toWebchatTranscriptEntry(message))}\n\n`);
          }
          const moved = page.cursor !== cursor;
          cursor = page.cursor;
          if (!moved || closed) break;
        }
      } while (again && !closed);
    };
    /** Runs one drain at a time; a notice during a drain makes it go round once more. */
    const pump = (): Promise<void> => {
      if (!started || closed) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = drain()
        .catch((error: unknown) => {
          log.warn({ err: error instanceof Error ? error.message : String(error) }, 'web chat stream failed; ending it');
          end();
        })
        .finally(() => {
          running = undefined;
        });
      return running;
    };
    const end = (): void => {
      if (!closed && started) reply.raw.end();
      finish();
    };
    const stream: WebchatStream = {
      notify: (seq) => {
        if (seq !== undefined && seq <= cursor) return;
        again = true;
        void pump();
      },
      end,
    };
    let remove: () => void = () => undefined;
    let heartbeat: NodeJS.Timeout | undefined = undefined;
    const finish = (): void => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      remove();
    };

    // Subscribe before the first read: a reply delivered from here on is either
    // found by the replay or announced to this stream.
    remove = await deps.hub.add(channelId, contact, stream);
    reply.hijack();
    reply.raw.on('close', finish);
    if (!reply.raw.socket || reply.raw.socket.destroyed) {
      finish(); // the visitor left while we were subscribing
      return;
    }
    const headers = Object.fromEntries(Object.entries(reply.getHeaders()).filter((entry) => entry[1] !== undefined));
    reply.raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });
    started = true;
    write('retry: 3000\n\n');
    heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs);
    await pump();
    write(`event: ready\ndata: ${JSON.stringify({ cursor: cursor.toString() })}\n\n`);
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
