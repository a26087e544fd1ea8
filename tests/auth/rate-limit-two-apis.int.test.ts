import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { authRateLimits } from '@parley/auth';
import { createDb, type Db } from '@parley/db';
import { clientAddress, newCredentials, readJson, sessionCookie, signIn, signUp, signedUpUser } from './support/auth-http';
import { startApi, testSecretKey, type RunningApi } from './support/start-api';
import { z } from 'zod';

/**
 * Sign-in and sign-up limits hold across API processes: their counts live in the
 * shared RateLimit table, so attempts spread over two processes count as one. Also:
 * with an http PUBLIC_URL, cookies are not Secure, and a session made by one process
 * is good on the other (same PARLEY_SECRET_KEY).
 */
const publicUrl = 'http://127.0.0.1:3000';
const { max } = authRateLimits.credentials;
let apis: RunningApi[] = [];
let db: Db;

beforeAll(async () => {
  db = createDb(inject('databaseUrl'));
  const secretKey = testSecretKey();
  apis = await Promise.all([startApi({ PARLEY_SECRET_KEY: secretKey, PUBLIC_URL: publicUrl }), startApi({ PARLEY_SECRET_KEY: secretKey, PUBLIC_URL: publicUrl })]);
});

afterAll(async () => {
  await Promise.all(apis.map((api) => api.app.stop()));
  await db?.$disconnect();
});

function apiUrl(index: number): string {
  const api = apis[index % apis.length];
  if (!api) throw new Error('no API');
  return api.url;
}

describe('sign-in rate limit', () => {
  it(`allows ${max} attempts a minute per address, whichever process answers, then 429 on both`, async () => {
    const user = await signedUpUser(apiUrl(0), { ip: clientAddress(), origin: publicUrl });
    const ip = clientAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < max; attempt++) {
      const answer = await signIn(apiUrl(attempt), { email: user.email, password: attempt === max - 1 ? user.password : 'wrong-password' }, { ip, origin: publicUrl });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([...Array.from({ length: max - 1 }, () => 401), 200]);

    for (const index of [0, 1]) {
      const limited = await signIn(apiUrl(index), user, { ip, origin: publicUrl });
      expect(limited.status, `API ${index}`).toBe(429);
      expect(Number(limited.headers.get('x-retry-after'))).toBeGreaterThan(0);
      expect(await readJson(limited, z.object({ message: z.string() }))).toEqual({ message: expect.stringMatching(/too many requests/i) });
    }
    // Another address is not limited.
    expect((await signIn(apiUrl(1), user, { ip: clientAddress(), origin: publicUrl })).status).toBe(200);
    expect(await db.rateLimit.count({ where: { key: { contains: ip } } })).toBeGreaterThan(0);
  });

  it(`limits sign-up the same way: ${max} a minute per address across processes`, async () => {
    const ip = clientAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= max; attempt++) statuses.push((await signUp(apiUrl(attempt), newCredentials(), { ip, origin: publicUrl })).status);
    expect(statuses).toEqual([...Array.from({ length: max }, () => 200), 429]);
  });
});

describe('over http', () => {
  it('session cookies are httpOnly and SameSite=Lax but not Secure, and work on every process', async () => {
    const ip = clientAddress();
    const credentials = newCredentials();
    const response = await signUp(apiUrl(0), credentials, { ip, origin: publicUrl });
    const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith('parley.session_token=')) ?? '';
    const attributes = line.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(attributes).not.toContain('secure');
    const session = await fetch(`${apiUrl(1)}/api/auth/get-session`, { headers: { cookie: sessionCookie(response), 'x-forwarded-for': ip } });
    expect(await readJson(session, z.object({ user: z.object({ email: z.string() }) }))).toMatchObject({ user: { email: credentials.email } });
  });
});
