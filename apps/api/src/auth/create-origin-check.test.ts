import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOriginCheck } from './create-origin-check';

const editor = 'https://parley.example.com';
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  app.register(async (scope) => {
    scope.addHook('onRequest', createOriginCheck({ allowedOrigins: [editor], skipWithAuthorization: true }));
    scope.all('/trpc/*', async () => ({ ok: true }));
  });
  app.register(async (scope) => {
    scope.addHook('onRequest', createOriginCheck({ allowedOrigins: [editor], skipWithAuthorization: false }));
    scope.all('/api/auth/*', async () => ({ ok: true }));
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const stateChanging: Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

async function status(method: Method, url: string, headers: Record<string, string>): Promise<number> {
  return (await app.inject({ method, url, headers })).statusCode;
}

describe('createOriginCheck', () => {
  it('refuses cookie-carrying state-changing requests from other origins, or from none, with 403 forbidden_origin', async () => {
    for (const method of stateChanging) {
      expect(await status(method, '/trpc/bots.create', { cookie: 'a=b', origin: 'https://evil.example' })).toBe(403);
    }
    expect(await status('POST', '/trpc/bots.create', { cookie: 'a=b' })).toBe(403);
    expect(await status('POST', '/trpc/bots.create', { cookie: 'a=b', origin: 'https://parley.example.com.evil.example' })).toBe(403);
    expect(await status('POST', '/trpc/bots.create', { cookie: 'a=b', origin: 'http://parley.example.com' })).toBe(403);
    const answer = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: 'a=b', origin: 'https://evil.example' } });
    expect(answer.json()).toEqual({ error: 'forbidden_origin', message: expect.stringContaining('https://evil.example') });
  });

  it('passes the allowed origin, requests without cookies, and GET', async () => {
    expect(await status('POST', '/trpc/bots.create', { cookie: 'a=b', origin: editor })).toBe(200);
    expect(await status('POST', '/trpc/bots.create', { cookie: 'a=b', referer: `${editor}/bots` })).toBe(200);
    expect(await status('POST', '/trpc/bots.create', { origin: 'https://evil.example' })).toBe(200);
    expect(await status('GET', '/trpc/bots.list', { cookie: 'a=b', origin: 'https://evil.example' })).toBe(200);
  });

  it('lets an Authorization header skip the check only where cookies are then ignored (tRPC)', async () => {
    expect(await status('POST', '/trpc/bots.create', { cookie: 'a=b', origin: 'https://evil.example', authorization: 'Bearer pk_x' })).toBe(200);
    expect(await status('POST', '/api/auth/sign-out', { cookie: 'a=b', origin: 'https://evil.example', authorization: 'Bearer pk_x' })).toBe(403);
  });
});
