import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createDb, listUserWorkspaces, type Db } from '@parley/db';
import { clientAddress, currentSessionSchema, errorAnswerSchema, get, newCredentials, postJson, readJson, sessionCookie, signIn, signUp, signedInSchema, signedUpUser } from './support/auth-http';
import { startApi, testSecretKey, type RunningApi } from './support/start-api';

/**
 * Sign-up, sign-in, get-session and sign-out through a real API process whose
 * PUBLIC_URL is https (cookies must then be Secure, even though this test talks plain
 * http to loopback), on the run's real Postgres.
 */
const publicUrl = 'https://parley.test';
let api: RunningApi;
let db: Db;

beforeAll(async () => {
  db = createDb(inject('databaseUrl'));
  api = await startApi({ PARLEY_SECRET_KEY: testSecretKey(), PUBLIC_URL: publicUrl });
});

afterAll(async () => {
  await api?.app.stop();
  await db?.$disconnect();
});

describe('sign-up', () => {
  it('creates the user, signs them in with an httpOnly, Secure, SameSite=Lax session cookie, and gives them a workspace they own', async () => {
    const credentials = newCredentials('Grace Hopper');
    const response = await signUp(api.url, credentials, { ip: clientAddress(), origin: publicUrl });
    expect(response.status).toBe(200);
    const body = await readJson(response, signedInSchema);
    expect(body.user).toMatchObject({ email: credentials.email, name: 'Grace Hopper' });

    const cookies = response.headers.getSetCookie();
    const session = cookies.find((line) => line.startsWith('__Secure-parley.session_token='));
    expect(session, JSON.stringify(cookies)).toBeDefined();
    const attributes = (session ?? '').split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('secure');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');

    const workspaces = await listUserWorkspaces(db, body.user.id);
    expect(workspaces).toEqual([expect.objectContaining({ name: "Grace Hopper's workspace", role: 'owner' })]);
  });

  it('stores the password as an Argon2id hash (m=19456 KiB, t=2, p=1), never the password', async () => {
    const user = await signedUpUser(api.url, { ip: clientAddress(), origin: publicUrl });
    const account = await db.account.findFirstOrThrow({ where: { userId: user.userId, providerId: 'credential' } });
    expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(account.password).not.toContain(user.password);
  });

  it('refuses a password shorter than 10 characters, and a taken email, without details', async () => {
    const ip = clientAddress();
    const short = await signUp(api.url, { ...newCredentials(), password: 'short-pw1' }, { ip, origin: publicUrl });
    expect(short.status).toBe(400);
    const taken = await signedUpUser(api.url, { ip, origin: publicUrl });
    const again = await signUp(api.url, { ...newCredentials(), email: taken.email }, { ip, origin: publicUrl });
    expect(again.status).toBe(422);
    for (const text of [await short.text(), await again.text()]) {
      expect(text).not.toMatch(/at .*\.(ts|js|mjs):\d+|prisma|SELECT|INSERT/i);
    }
  });
});

describe('sessions', () => {
  it('get-session answers the signed-in user; sign-out ends the session', async () => {
    const ip = clientAddress();
    const user = await signedUpUser(api.url, { ip, origin: publicUrl });
    const session = await get(`${api.url}/api/auth/get-session`, { ip, cookie: user.cookie });
    expect(session.status).toBe(200);
    const current = await readJson(session, currentSessionSchema);
    expect(current?.user).toMatchObject({ email: user.email });
    expect(current?.session.activeWorkspaceId ?? null).toBeNull();

    const signOut = await postJson(`${api.url}/api/auth/sign-out`, {}, { ip, cookie: user.cookie, origin: publicUrl });
    expect(signOut.status).toBe(200);
    expect(signOut.headers.getSetCookie().some((line) => /^__Secure-parley\.session_token=;/.test(line) || /Max-Age=0/i.test(line))).toBe(true);
    const after = await get(`${api.url}/api/auth/get-session`, { ip, cookie: user.cookie });
    expect(await readJson(after, currentSessionSchema)).toBeNull();
    expect(await db.authSession.count({ where: { userId: user.userId } })).toBe(0);
  });

  it('sign-in with the right password opens a new session; a wrong password is refused', async () => {
    const ip = clientAddress();
    const user = await signedUpUser(api.url, { ip, origin: publicUrl });
    const wrong = await signIn(api.url, { email: user.email, password: `${user.password}x` }, { ip, origin: publicUrl });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const unknown = await signIn(api.url, { email: `nobody-${user.email}`, password: user.password }, { ip, origin: publicUrl });
    expect(unknown.status).toBe(401);

    const right = await signIn(api.url, user, { ip, origin: publicUrl });
    expect(right.status).toBe(200);
    const cookie = sessionCookie(right);
    expect(cookie).not.toBe(user.cookie);
    const session = await get(`${api.url}/api/auth/get-session`, { ip, cookie });
    expect((await readJson(session, currentSessionSchema))?.user.email).toBe(user.email);
  });

  it('a cookie-carrying sign-out from a foreign origin is refused before better-auth sees it', async () => {
    const ip = clientAddress();
    const user = await signedUpUser(api.url, { ip, origin: publicUrl });
    const refused = await postJson(`${api.url}/api/auth/sign-out`, {}, { ip, cookie: user.cookie, origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(await readJson(refused, errorAnswerSchema)).toMatchObject({ error: 'forbidden_origin' });
    const still = await get(`${api.url}/api/auth/get-session`, { ip, cookie: user.cookie });
    expect((await readJson(still, currentSessionSchema))?.user.email).toBe(user.email);
  });

  it('answers a body that is not JSON with 400 or 415, naming the problem, without a stack trace', async () => {
    const ip = clientAddress();
    const broken = await fetch(`${api.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: '{"email":' });
    expect(broken.status).toBe(400);
    expect(await readJson(broken, z.object({ error: z.string() }))).toMatchObject({ error: 'invalid_body' });
    const form = await fetch(`${api.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip }, body: 'email=a' });
    expect(form.status).toBe(415);
  });
});
