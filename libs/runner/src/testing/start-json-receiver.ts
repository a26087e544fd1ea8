import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type JsonReceiver = {
  /** Where replies go: http://127.0.0.1:<port>/replies. */
  url: string;
  close: () => Promise<void>;
};

/**
 * For tests: a channel receiver on 127.0.0.1 (a free port) that reads each
 * request's JSON body (null when it is not JSON) and lets `answer` respond.
 */
export async function startJsonReceiver(answer: (body: unknown, response: ServerResponse) => void): Promise<JsonReceiver> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = null;
      }
      answer(body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return {
    url: `http://127.0.0.1:${address.port}/replies`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
