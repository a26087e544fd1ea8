import { get } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { echoFlow } from '../support/echo-flow';
import { freePort } from '../support/free-port';
import { spawnApp, type AppProcess } from '../support/spawn-app';
import { startPlatform, type Platform } from '../support/start-platform';
import { addWebchatChannel } from '../webchat/add-webchat-channel';

/**
 * The edge limits through real API processes, started as `npm start` starts them:
 * - two processes on one Redis prefix share each client address's budget of web chat
 *   session mints (TRUST_PROXY=loopback: the test, on loopback, plays the proxy and
 *   names the visitor in X-Forwarded-For);
 * - a third process with MAX_CONNECTIONS=3 and HEADERS_TIMEOUT_MS=1000 refuses a
 *   fourth connection at once and cuts a client trickling its headers.
 * No worker: nothing here needs a reply.
 */
const origin = 'https://shop.example';
let platform: Platform | undefined;
let edge: AppProcess | undefined;
let edgePort = 0;
let channelId = '';

beforeAll(async () => {
  const redisPrefix = `${inject('redisPrefix')}_ip_limits`;
  edgePort = await freePort();
  edge = spawnApp('api', {
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: `${redisPrefix}_edge`,
    API_PORT: String(edgePort),
    MAX_CONNECTIONS: '3',
    HEADERS_TIMEOUT_MS: '1000',
  });
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix,
    flow: echoFlow,
    apis: 2,
    workers: 0,
    // One token a minute: none comes back while the test runs.
    apiEnv: { TRUST_PROXY: 'loopback', IP_LIMIT_SESSIONS_BURST: '4', IP_LIMIT_SESSIONS_PER_MINUTE: '1' },
  });
  channelId = await addWebchatChannel(platform, { allowedOrigins: [origin] });
  await waitUntilListening(edge, edgePort);
});

/**
 * Like waitUntilReady, but every probe closes its connection (no keep-alive agent): a
 * probe connection left in a pool would take one of the three allowed connections.
 */
async function waitUntilListening(app: AppProcess, port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`process exited early:\n${app.output()}`);
    const status = await new Promise<number>((resolve) => {
      get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
      }).once('error', () => resolve(0));
    });
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`edge API not listening after 30 s:\n${app.output()}`);
}

afterAll(async () => {
  await Promise.all([platform?.stop(), edge?.stop()]);
});

function mint(api: number, visitorAddress: string): Promise<Response> {
  const base = platform?.apiUrls[api] ?? '';
  return fetch(`${base}/webchat/${channelId}/sessions`, { method: 'POST', headers: { origin, 'x-forwarded-for': visitorAddress } });
}

type Closed = { answer: string; elapsedMs: number };

const healthRequest = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';

/** A raw connection to the edge process; `talk` writes to it once connected. Resolves `closed` when it is closed. */
function rawConnection(talk: (socket: Socket) => void = () => undefined): { socket: Socket; closed: Promise<Closed> } {
  const started = Date.now();
  const socket = connect(edgePort, '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  socket.on('error', () => undefined);
  socket.once('connect', () => talk(socket));
  const closed = new Promise<Closed>((resolve) => socket.once('close', () => resolve({ answer, elapsedMs: Date.now() - started })));
  return { socket, closed };
}

/** A keep-alive connection the server has accepted: it answered a request on it (and keeps it open for 5 s). */
async function servedConnection(): Promise<{ socket: Socket; closed: Promise<Closed> }> {
  const connection = rawConnection((socket) => socket.write(healthRequest));
  const served = await Promise.race([
    new Promise<boolean>((resolve) => connection.socket.once('data', (chunk: Buffer) => resolve(chunk.toString().startsWith('HTTP/1.1 200 ')))),
    connection.closed.then(() => false),
  ]);
  if (!served) throw new Error('a connection within MAX_CONNECTIONS was not served');
  return connection;
}

describe('per-address limits across API processes', () => {
  it('refuses an address past its shared burst on either process, with Retry-After, while another address goes on', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await mint(index % 2, '198.51.100.7')).status);
    expect(statuses).toEqual([201, 201, 201, 201]);

    for (const api of [0, 1]) {
      const refused = await mint(api, '198.51.100.7');
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await refused.json()).toMatchObject({ error: 'too_many_requests' });
    }

    expect((await mint(0, '198.51.100.8')).status).toBe(201);
    expect((await mint(1, '198.51.100.8')).status).toBe(201);
  });
});

describe('connection cap and headers timeout', () => {
  it('closes a connection past MAX_CONNECTIONS at once', async () => {
    const held = [await servedConnection(), await servedConnection(), await servedConnection()];
    try {
      const extra = rawConnection((socket) => socket.write(healthRequest));
      const refused = await extra.closed;
      expect(refused.answer).toBe('');
      expect(refused.elapsedMs).toBeLessThan(900);
    } finally {
      for (const { socket } of held) socket.destroy();
      await Promise.all(held.map(({ closed }) => closed));
    }
    // Room again once they are gone.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await servedConnection();
    again.socket.destroy();
  });

  it('cuts headers trickled byte by byte within HEADERS_TIMEOUT_MS, with 408', async () => {
    const request = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(400)}\r\n\r\n`;
    let sent = 0;
    let trickle: NodeJS.Timeout | undefined;
    const slow = rawConnection((socket) => {
      // One byte every 20 ms: the whole request would take over 8 s.
      trickle = setInterval(() => {
        if (sent < request.length && !socket.destroyed) socket.write(request.charAt(sent++));
      }, 20);
    });
    const { answer, elapsedMs } = await slow.closed;
    clearInterval(trickle);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(sent).toBeLessThan(request.length);
    // 1 s, plus at most one check interval (100 ms at that timeout), plus scheduling.
    expect(elapsedMs).toBeGreaterThanOrEqual(950);
    expect(elapsedMs).toBeLessThan(2_000);
  });
});
