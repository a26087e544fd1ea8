import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest } from './http-request';
import { HttpRequestError } from './http-request-error';

/**
 * Against real node:http servers on 127.0.0.1 (port 0). Backoff is shortened
 * (`baseDelayMs: 5`) so retries are fast; timeouts use the 1 s minimum. Loopback
 * is allowlisted (`local`): the SSRF guard refuses it otherwise (tests/http covers that).
 */
type Handler = (request: IncomingMessage, response: ServerResponse, hit: number) => void;
type TestServer = { url: string; hits: () => number; received: { method: string; headers: IncomingMessage['headers']; body: string }[] };

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function serve(handler: Handler): Promise<TestServer> {
  const received: TestServer['received'] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      handler(request, response, received.length);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = serverAddress(server);
  return { url: `http://127.0.0.1:${port}/hook?token=secret-in-query`, hits: () => received.length, received };
}

function serverAddress(server: Server): AddressInfo {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  return address;
}

async function failure(promise: Promise<unknown>): Promise<HttpRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpRequestError) return error;
    throw error;
  }
  throw new Error('expected an HttpRequestError');
}

const fastRetry = { retries: 3, baseDelayMs: 5 };
const local = { policy: { allow: ['127.0.0.1/32'] } };

describe('httpRequest against a real server', () => {
  it('passes a 200 through with lower-case headers, the body and one attempt', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'X-Trace-Id': 't-1' }).end('{"ok":true}');
    });
    const response = await httpRequest({
      method: 'POST',
      url: server.url,
      headers: { 'content-type': 'application/json', 'X-Custom': 'yes' },
      body: '{"hello":"world"}',
      retry: fastRetry,
    }, local);
    expect(response).toMatchObject({ status: 200, body: '{"ok":true}', attempts: 1 });
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-trace-id']).toBe('t-1');
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    expect(server.received[0]).toMatchObject({ method: 'POST', body: '{"hello":"world"}' });
    expect(server.received[0]?.headers).toMatchObject({ 'x-custom': 'yes', 'user-agent': 'Parley' });
  });

  it('retries 503 twice then succeeds on the third attempt', async () => {
    const server = await serve((_request, response, hit) => {
      if (hit <= 2) response.writeHead(503).end('busy');
      else response.writeHead(200).end('done');
    });
    const response = await httpRequest({ method: 'GET', url: server.url, retry: fastRetry }, local);
    expect(response).toMatchObject({ status: 200, body: 'done', attempts: 3 });
    expect(server.hits()).toBe(3);
  });

  it('does not retry a 404 and reports it with the response', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('no such hook');
    });
    const error = await failure(httpRequest({ method: 'POST', url: server.url, body: '{}', retry: fastRetry }, local));
    expect(error).toMatchObject({ kind: 'status', status: 404, attempts: 1 });
    expect(error.response?.body).toBe('no such hook');
    expect(error.message).toBe(`POST ${new URL(server.url).origin}/hook answered 404 after 1 attempt`);
    expect(error.message).not.toContain('secret-in-query');
    expect(server.hits()).toBe(1);
  });

  it('gives up on a retryable status after the last retry, keeping the final body', async () => {
    const server = await serve((_request, response, hit) => {
      response.writeHead(hit === 4 ? 502 : 500).end(`failure ${hit}`);
    });
    const error = await failure(httpRequest({ method: 'PUT', url: server.url, body: 'x', retry: fastRetry }, local));
    expect(error).toMatchObject({ kind: 'status', status: 502, attempts: 4 });
    expect(error.response?.body).toBe('failure 4');
    expect(server.hits()).toBe(4);
  });

  it('retries nothing when retries is 0', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(503).end();
    });
    const error = await failure(httpRequest({ method: 'GET', url: server.url, retry: { retries: 0 } }, local));
    expect(error).toMatchObject({ kind: 'status', status: 503, attempts: 1 });
    expect(server.hits()).toBe(1);
  });

  it('times out a slow server on every attempt and reports a timeout', async () => {
    const server = await serve((_request, response) => {
      setTimeout(() => response.writeHead(200).end('too late'), 3_000).unref();
    });
    const started = performance.now();
    const error = await failure(
      httpRequest({ method: 'GET', url: server.url, timeoutMs: 1_000, retry: { retries: 1, baseDelayMs: 5 } }, local),
    );
    expect(error).toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(error.message).toContain('timed out after 1000 ms');
    expect(server.hits()).toBe(2);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(elapsed).toBeLessThan(3_500);
  });

  it('times out a body that trickles in slower than the budget', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const tick = setInterval(() => response.write('.'), 200);
      response.on('close', () => clearInterval(tick));
    });
    const error = await failure(
      httpRequest({ method: 'GET', url: server.url, timeoutMs: 1_000, retry: { retries: 0 } }, local),
    );
    expect(error).toMatchObject({ kind: 'timeout', attempts: 1 });
  });

  it('refuses a body whose content-length exceeds the cap without reading it', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': String(2 * 1024 * 1024) });
      response.write(Buffer.alloc(64 * 1024, 97));
    });
    const error = await failure(httpRequest({ method: 'GET', url: server.url, retry: fastRetry }, local));
    expect(error).toMatchObject({ kind: 'too-large', attempts: 1 });
    expect(error.message).toContain('over the 1048576-byte limit');
    expect(server.hits()).toBe(1);
  });

  it('aborts a chunked body once it passes the cap, before the server has sent it all', async () => {
    let sentBytes = 0;
    let closedEarly = false;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(16 * 1024, 98);
      const pump = setInterval(() => {
        response.write(chunk);
        sentBytes += chunk.length;
        if (sentBytes >= 8 * 1024 * 1024) {
          clearInterval(pump);
          response.end();
        }
      }, 1);
      response.on('close', () => {
        clearInterval(pump);
        closedEarly = sentBytes < 8 * 1024 * 1024;
      });
    });
    const error = await failure(
      httpRequest({ method: 'GET', url: server.url, maxResponseBytes: 100_000, retry: fastRetry }, local),
    );
    expect(error).toMatchObject({ kind: 'too-large', attempts: 1 });
    await expect.poll(() => closedEarly).toBe(true);
  });

  it('retries connection errors and reports them as network errors', async () => {
    const closed = await serve(() => undefined);
    const url = closed.url;
    await new Promise<void>((resolve) => {
      const server = servers.pop();
      server?.close(() => resolve());
    });
    const error = await failure(httpRequest({ method: 'GET', url, retry: { retries: 2, baseDelayMs: 5 } }, local));
    expect(error).toMatchObject({ kind: 'network', attempts: 3 });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('refuses an invalid spec before any I/O', async () => {
    for (const spec of [
      { method: 'GET' as const, url: 'ftp://127.0.0.1/file' },
      { method: 'GET' as const, url: 'http://127.0.0.1/', body: 'x' },
      { method: 'GET' as const, url: 'http://127.0.0.1/', timeoutMs: 500 },
      { method: 'GET' as const, url: 'http://127.0.0.1/', retry: { retries: 4 } },
    ]) {
      const error = await failure(httpRequest(spec));
      expect(error, JSON.stringify(spec)).toMatchObject({ kind: 'invalid-request', attempts: 0 });
    }
  });
});
