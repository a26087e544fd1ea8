import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { describe, expect, inject, it } from 'vitest';
import { createDb } from '@parley/db';
import { createQueues } from '@parley/queue';
import { buildServer, type ServerDeps } from './build-server';
import { publicRoute } from './routes/route-access';

/** Lines written to a pino logger, parsed. */
function logSink(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed === 'object' && parsed !== null) lines.push(Object.fromEntries(Object.entries(parsed)));
      }
      done();
    },
  });
  return { lines, stream };
}

/**
 * A server built with `deps` (on the run's Postgres and Redis), listening on a free
 * loopback port; `extend` may add test routes before it listens. Closed afterwards.
 */
async function withServer(
  deps: Partial<ServerDeps>,
  run: (port: number, app: FastifyInstance) => Promise<void>,
  extend: (app: FastifyInstance) => void = () => undefined,
): Promise<void> {
  const db = createDb(inject('databaseUrl'));
  const queues = createQueues({ redisUrl: inject('redisUrl'), prefix: `${inject('redisPrefix')}_edge` });
  const app = buildServer({ db, queues, secretKey: '0'.repeat(64), logger: pino({ level: 'silent' }), maxBodyBytes: 262_144, ...deps });
  extend(app);
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    await run(typeof address === 'object' && address ? address.port : 0, app);
  } finally {
    await app.close();
    await queues.close();
    await db.$disconnect();
  }
}

type Closed = { answer: string; elapsedMs: number };

/** Opens a raw connection, lets `talk` write to it, and resolves when the server closes it. */
function rawConnection(port: number, talk: (socket: Socket) => void = () => undefined): { socket: Socket; closed: Promise<Closed> } {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  socket.on('error', () => undefined);
  socket.once('connect', () => talk(socket));
  const closed = new Promise<Closed>((resolve) => socket.once('close', () => resolve({ answer, elapsedMs: Date.now() - started })));
  return { socket, closed };
}

/** A keep-alive connection the server has accepted: it answered a request on it. */
async function servedConnection(port: number): Promise<{ socket: Socket; closed: Promise<Closed> }> {
  const connection = rawConnection(port, (socket) => socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
  const served = await Promise.race([
    new Promise<boolean>((resolve) => connection.socket.once('data', (chunk: Buffer) => resolve(chunk.toString().startsWith('HTTP/1.1 200 ')))),
    connection.closed.then(() => false),
  ]);
  if (!served) throw new Error('a connection within maxConnections was not served');
  return connection;
}

describe('API request logging', () => {
  it('tags every request log line with the request id and echoes it as x-request-id', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          const parsed: unknown = JSON.parse(line);
          if (typeof parsed === 'object' && parsed !== null) lines.push(Object.fromEntries(Object.entries(parsed)));
        }
        done();
      },
    });
    const db = createDb(inject('databaseUrl'));
    const queues = createQueues({ redisUrl: inject('redisUrl'), prefix: `${inject('redisPrefix')}_logging` });
    const app = buildServer({ db, queues, secretKey: '0'.repeat(64), logger: pino({ level: 'info' }, sink), maxBodyBytes: 1_024 });
    try {
      const response = await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'req-42' } });
      expect(response.statusCode).toBe(404);
      expect(response.headers['x-request-id']).toBe('req-42');
      const messages = lines.filter((line) => line['requestId'] === 'req-42').map((line) => line['msg']);
      expect(messages).toEqual(expect.arrayContaining(['incoming request', 'request completed']));

      // A secret in the query string (WhatsApp's verify token) never reaches the log.
      await app.inject({ method: 'GET', url: '/webhooks/whatsapp/nope?hub.mode=subscribe&hub.verify_token=s3cr3t-verify&hub.challenge=1' });
      const logged = JSON.stringify(lines);
      expect(logged).toContain('hub.verify_token=[redacted]');
      expect(logged).not.toContain('s3cr3t-verify');
    } finally {
      await app.close();
      await queues.close();
      await db.$disconnect();
    }
  });
});

describe('API edge timeouts', () => {
  it('closes a request whose body trickles in slower than the request timeout, with 408', async () => {
    const db = createDb(inject('databaseUrl'));
    const queues = createQueues({ redisUrl: inject('redisUrl'), prefix: `${inject('redisPrefix')}_timeouts` });
    const app = buildServer({ db, queues, secretKey: '0'.repeat(64), logger: pino({ level: 'silent' }), maxBodyBytes: 262_144, requestTimeoutMs: 1_000 });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.write('POST /webhooks/http/any HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
      await new Promise((resolve) => socket.once('close', resolve));
      const elapsed = Date.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      await app.close();
      await queues.close();
      await db.$disconnect();
    }
  });
});

describe('API edge: headers timeout', () => {
  it('closes a connection that never sends a byte after the headers timeout', async () => {
    await withServer({ headersTimeoutMs: 1_000 }, async (port) => {
      const { answer, elapsedMs } = await rawConnection(port).closed;
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(elapsedMs).toBeGreaterThanOrEqual(950);
      expect(elapsedMs).toBeLessThan(2_000);
    });
  });

  it('leaves a response alone however long it runs (an event stream)', async () => {
    const streamFor = (app: FastifyInstance): void => {
      app.get('/test-stream', publicRoute('a test route'), (_request, reply) => {
        reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
        let count = 0;
        const tick = setInterval(() => {
          reply.raw.write(`data: ${count}\n\n`);
          if (++count === 5) {
            clearInterval(tick);
            reply.raw.end();
          }
        }, 500);
      });
    };
    await withServer({ headersTimeoutMs: 1_000, requestTimeoutMs: 1_000 }, async (port) => {
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${port}/test-stream`);
      const body = await response.text();
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_400);
      expect(body).toBe('data: 0\n\ndata: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\n');
    }, streamFor);
  });
});

describe('API edge: connection cap', () => {
  it('closes connections past maxConnections at once, says so in the log, and takes new ones when some are gone', async () => {
    const db = createDb(inject('databaseUrl'));
    const queues = createQueues({ redisUrl: inject('redisUrl'), prefix: `${inject('redisPrefix')}_edge` });
    const sink = logSink();
    const app = buildServer({ db, queues, secretKey: '0'.repeat(64), logger: pino({ level: 'warn' }, sink.stream), maxBodyBytes: 1_024, maxConnections: 2 });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const held = [await servedConnection(port), await servedConnection(port)];

      const extra = rawConnection(port, (socket) => socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
      const refused = await extra.closed;
      expect(refused.answer).toBe('');
      expect(refused.elapsedMs).toBeLessThan(1_000);
      expect(sink.lines.map((line) => line['msg'])).toContain('connection refused: MAX_CONNECTIONS connections are open');

      for (const { socket } of held) socket.destroy();
      await Promise.all(held.map(({ closed }) => closed));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const again = await servedConnection(port);
      again.socket.destroy();
    } finally {
      await app.close();
      await queues.close();
      await db.$disconnect();
    }
  });
});

describe('API edge: client address', () => {
  const reportIp = (app: FastifyInstance): void => {
    app.get('/test-ip', publicRoute('a test route'), async (request) => ({ ip: request.ip }));
  };
  const ipOf = async (app: FastifyInstance, remoteAddress: string, forwardedFor?: string): Promise<unknown> => {
    const response = await app.inject({ method: 'GET', url: '/test-ip', remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
    return response.json<{ ip: unknown }>().ip;
  };

  it('ignores X-Forwarded-For unless the peer is a trusted proxy', async () => {
    await withServer({}, async (_port, app) => {
      expect(await ipOf(app, '127.0.0.1', '198.51.100.7')).toBe('127.0.0.1');
    }, reportIp);
    await withServer({ trustProxy: ['loopback', '10.0.0.0/8'] }, async (_port, app) => {
      expect(await ipOf(app, '127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
      // The nearest address outside the trusted ranges: what the client wrote further left does not count.
      expect(await ipOf(app, '127.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.2.3')).toBe('198.51.100.7');
      expect(await ipOf(app, '203.0.113.5', '198.51.100.7')).toBe('203.0.113.5');
    }, reportIp);
    await withServer({ trustProxy: 1 }, async (_port, app) => {
      expect(await ipOf(app, '203.0.113.5', '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
    }, reportIp);
  });
});

describe('route access', () => {
  it('has every HTTP route declare who may call it, with a reason, and refuses to start with one that does not', async () => {
    const db = createDb(inject('databaseUrl'));
    const queues = createQueues({ redisUrl: inject('redisUrl'), prefix: `${inject('redisPrefix')}_routes` });
    const app = buildServer({ db, queues, secretKey: '0'.repeat(64), logger: pino({ level: 'silent' }), maxBodyBytes: 1_024 });
    try {
      await app.ready();
      const routes = app.declaredRoutes;
      const urls = routes.map((route) => route.url);
      for (const expected of ['/healthz', '/readyz', '/webhooks/http/:channelId', '/webhooks/whatsapp/:channelId', '/webhooks/telegram/:channelId', '/webchat/:channelId/events', '/webchat/:channelId/messages', '/webchat.js', '/api/auth/*']) {
        expect(urls).toContain(expected);
      }
      expect(urls.some((url) => url.startsWith('/trpc'))).toBe(true);
      const unexplained = routes.filter((route) => {
        const reason = 'public' in route.access ? route.access.public : route.access.trpc;
        return reason.trim().length < 10;
      });
      expect(unexplained).toEqual([]);
      // A route added without a declaration stops the server from starting.
      const other = buildServer({ db, queues, secretKey: '0'.repeat(64), logger: pino({ level: 'silent' }), maxBodyBytes: 1_024 });
      expect(() => other.get('/undeclared', async () => 'open')).toThrow(/GET \/undeclared declares no access/);
      await other.close();
    } finally {
      await app.close();
      await queues.close();
      await db.$disconnect();
    }
  });
});
