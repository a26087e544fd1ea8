import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { clientAddress, errorAnswerSchema, get, newCredentials, signIn, signUp, signedUpUser } from './support/auth-http';
import { startApi, testSecretKey, type RunningApi } from './support/start-api';
import { z } from 'zod';

/**
 * With Postgres unreachable, sign-in, sign-up and tRPC answer 503 with a short message:
 * no stack trace, no SQL, no Prisma or driver text, in test mode (NODE_ENV=test) as in
 * production.
 */
const publicUrl = 'http://127.0.0.1:3000';
let api: RunningApi;
/** A valid session cookie, made by a healthy API process with the same PARLEY_SECRET_KEY. */
let cookie = '';

beforeAll(async () => {
  const secretKey = testSecretKey();
  const healthy = await startApi({ PARLEY_SECRET_KEY: secretKey, PUBLIC_URL: publicUrl });
  try {
    cookie = (await signedUpUser(healthy.url, { ip: clientAddress(), origin: publicUrl })).cookie;
  } finally {
    await healthy.app.stop();
  }
  // A port nobody listens on: every query fails with "connection refused".
  const deadPort = await freePort();
  api = await startApi({ PARLEY_SECRET_KEY: secretKey, PUBLIC_URL: publicUrl, DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort}/nowhere` }, 'live');
});

afterAll(async () => {
  await api?.app.stop();
});

const leaks = /\bat .*:\d+:\d+|\.ts:\d+|prisma|ECONNREFUSED|SELECT|INSERT|postgres|DriverAdapter|stack/i;

describe('Postgres down', () => {
  it('sign-up and sign-in answer 503 without details', async () => {
    const ip = clientAddress();
    for (const answer of [await signUp(api.url, newCredentials(), { ip, origin: publicUrl }), await signIn(api.url, newCredentials(), { ip, origin: publicUrl })]) {
      expect(answer.status).toBe(503);
      const text = await answer.text();
      expect(text).not.toMatch(leaks);
      expect(errorAnswerSchema.parse(JSON.parse(text))).toMatchObject({ error: 'unavailable' });
    }
  });

  it('tRPC answers 503 without details, for an API key and for a session cookie', async () => {
    const ip = clientAddress();
    const calls = [
      get(`${api.url}/trpc/bots.list`, { ip, authorization: 'Bearer pk_AAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
      get(`${api.url}/trpc/bots.list`, { ip, cookie }),
    ];
    for (const [index, answer] of (await Promise.all(calls)).entries()) {
      expect(answer.status, `call ${index}`).toBe(503);
      const text = await answer.text();
      expect(text).not.toMatch(leaks);
      const body = z.object({ error: z.object({ message: z.string(), data: z.object({ code: z.string() }).loose() }) }).parse(JSON.parse(text));
      expect(body.error.message).toBe('Storage or queue is unavailable; retry later');
      expect(body.error.data.code).toBe('INTERNAL_SERVER_ERROR');
    }
  });
});
