import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../testing/free-port';
import { forwardToApi } from './forward-to-api';

/** A stand-in API on 127.0.0.1 that records what reached it and answers with two cookies. */
let server: Server;
let apiUrl = '';
let received: { method: string; url: string; headers: IncomingMessage['headers']; body: string } | undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body };
      if (request.url?.startsWith('/api/auth/missing')) {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not found"}');
        return;
      }
      response.setHeader('set-cookie', ['parley.session_token=abc; Path=/; HttpOnly; SameSite=Lax', 'parley.other=1; Path=/']);
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r1', connection: 'keep-alive' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('forwardToApi', () => {
  it('forwards path, query, method, body, Cookie and Origin, and passes back status, headers and every Set-Cookie', async () => {
    const request = new Request('http://127.0.0.1:3000/api/auth/sign-in/email?x=1', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: 'parley.session_token=old',
        origin: 'http://127.0.0.1:3000',
        'x-forwarded-for': '203.0.113.9',
        'x-parley-path': '/settings',
      },
      body: '{"email":"a@b.test","password":"secret secret"}',
    });
    const response = await forwardToApi(request, { PARLEY_API_URL: apiUrl });
    expect(received).toMatchObject({ method: 'POST', url: '/api/auth/sign-in/email?x=1', body: '{"email":"a@b.test","password":"secret secret"}' });
    expect(received?.headers).toMatchObject({ cookie: 'parley.session_token=old', origin: 'http://127.0.0.1:3000', 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' });
    expect(received?.headers['host']).toBe(new URL(apiUrl).host);
    expect(received?.headers['x-parley-path']).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual(['parley.session_token=abc; Path=/; HttpOnly; SameSite=Lax', 'parley.other=1; Path=/']);
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(response.headers.get('connection')).toBeNull();
    expect(await response.json()).toEqual({ ok: true });
  });

  it('passes refusals through as they are', async () => {
    const response = await forwardToApi(new Request('http://127.0.0.1:3000/api/auth/missing'), { PARLEY_API_URL: apiUrl });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not found' });
  });

  it('answers 502 with a message both clients read when the API is unreachable', async () => {
    const closed = await freePort(); // free a moment ago: nothing listens there
    const response = await forwardToApi(new Request('http://127.0.0.1:3000/trpc/bots.list'), { PARLEY_API_URL: `http://127.0.0.1:${closed}` });
    expect(response.status).toBe(502);
    const body = (await response.json()) as { message: string; error: { message: string; data: { code: string } } };
    expect(body.message).toMatch(/^Cannot reach the Parley API \(ECONNREFUSED\)/);
    expect(body.error.message).toBe(body.message);
    expect(body.error.data.code).toBe('BAD_GATEWAY');
  });

  it('answers 500 naming the variable when PARLEY_API_URL is unusable', async () => {
    const response = await forwardToApi(new Request('http://127.0.0.1:3000/trpc/bots.list'), { PARLEY_API_URL: 'not a url' });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { message: string }).message).toMatch(/PARLEY_API_URL/);
  });
});
