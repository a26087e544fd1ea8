import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run say` as a user types it, against a local server standing in for the API:
 * the message carries exactly the words given.
 */
const received: { url: string; headers: IncomingHttpHeaders; body: { from: string; text: string } }[] = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    received.push({ url: request.url ?? '', headers: request.headers, body: JSON.parse(body) });
    response.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
  });
});
let apiUrl = '';

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  apiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise((done) => server.close(done)));

async function say(...args: string[]): Promise<{ from: string; text: string }> {
  const before = received.length;
  const root = resolve(import.meta.dirname, '../..');
  await promisify(execFile)('npm', ['run', '--silent', 'say', '--', ...args], { cwd: root, env: { ...process.env, PARLEY_API_URL: apiUrl } });
  const request = received[before];
  if (!request) throw new Error('npm run say sent nothing');
  expect(request.url).toBe('/webhooks/http/demo-http');
  expect(request.headers['webhook-signature']).toBeTruthy();
  return request.body;
}

describe('npm run say', () => {
  it('sends exactly the words given, from the demo user or the one named with --from', async () => {
    expect(await say('Ana')).toMatchObject({ from: 'demo-user', text: 'Ana' });
    expect(await say('my', 'order', 'is', 'late')).toMatchObject({ from: 'demo-user', text: 'my order is late' });
    expect(await say('hi there', '--from', 'alice')).toMatchObject({ from: 'alice', text: 'hi there' });
    expect(await say('--from', 'bob', 'A-17')).toMatchObject({ from: 'bob', text: 'A-17' });
    expect(await say()).toMatchObject({ text: 'hello' });
  }, 60_000);
});
