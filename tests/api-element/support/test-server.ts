import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One request as the server received it: raw body bytes as UTF-8 text, header names lower-case. */
export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

/** Answers one request; `hit` counts requests from 1. */
export type TestHandler = (request: ReceivedRequest, response: ServerResponse, hit: number) => void;

export type TestServer = {
  /** http://127.0.0.1:<port> (no trailing slash). */
  origin: string;
  received: ReceivedRequest[];
  close: () => Promise<void>;
};

/**
 * A real node:http server on 127.0.0.1, port 0, that records every request (fully read)
 * before handing it to `handler`. Close it when done (open connections are cut).
 */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      handler(entry, response, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('test server is not listening on TCP');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers `status` with a JSON body. */
export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
