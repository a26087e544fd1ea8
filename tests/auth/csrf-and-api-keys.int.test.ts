import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createApiKey, createDb, listUserWorkspaces, revokeApiKey, type Db } from '@parley/db';
import { clientAddress, errorAnswerSchema, get, postJson, readJson, signedUpUser } from './support/auth-http';
import { startApi, testSecretKey, type RunningApi } from './support/start-api';

/**
 * Who may call tRPC, through a real API process: a signed-in browser (session cookie)
 * only from the editor's origin (PUBLIC_URL or TRUSTED_ORIGINS) for anything that
 * changes state; a program with a workspace API key from anywhere, until the key is
 * revoked. tRPC queries are GET and pass the origin check.
 */
const publicUrl = 'http://editor.parley.test:8080';
const trustedOrigin = 'https://admin.parley.test';
let api: RunningApi;
let db: Db;

beforeAll(async () => {
  db = createDb(inject('databaseUrl'));
  api = await startApi({ PARLEY_SECRET_KEY: testSecretKey(), PUBLIC_URL: publicUrl, TRUSTED_ORIGINS: trustedOrigin });
});

afterAll(async () => {
  await api?.app.stop();
  await db?.$disconnect();
});

const createdBotSchema = z.object({ result: z.object({ data: z.object({ id: z.string() }) }) });
const botListSchema = z.object({ result: z.object({ data: z.array(z.object({ id: z.string(), name: z.string() })) }) });
const trpcErrorSchema = z.object({ error: z.object({ message: z.string(), data: z.object({ code: z.string(), httpStatus: z.number() }).loose() }) });

function createBot(options: { ip: string; cookie?: string; origin?: string; referer?: string; authorization?: string }, name = 'A bot'): Promise<Response> {
  return postJson(`${api.url}/trpc/bots.create`, { name }, options);
}

describe('cookie-authenticated tRPC mutations (CSRF)', () => {
  it('are refused with 403 from a foreign origin, or with no origin at all, before the procedure runs', async () => {
    const ip = clientAddress();
    const user = await signedUpUser(api.url, { ip, origin: publicUrl });
    for (const from of [{ origin: 'https://evil.example' }, { origin: 'null' }, { referer: 'https://evil.example/page' }, {}]) {
      const refused = await createBot({ ip, cookie: user.cookie, ...from });
      expect(refused.status, JSON.stringify(from)).toBe(403);
      expect(await readJson(refused, errorAnswerSchema)).toMatchObject({ error: 'forbidden_origin' });
    }
    const [workspace] = await listUserWorkspaces(db, user.userId);
    expect(await db.bot.count({ where: { workspaceId: workspace?.id } })).toBe(0);
  });

  it("pass from the editor's origin (Origin, or Referer when there is no Origin) and from a trusted origin", async () => {
    const ip = clientAddress();
    const user = await signedUpUser(api.url, { ip, origin: publicUrl });
    for (const from of [{ origin: publicUrl }, { referer: `${publicUrl}/bots` }, { origin: trustedOrigin }]) {
      const created = await createBot({ ip, cookie: user.cookie, ...from }, `Bot from ${JSON.stringify(from)}`);
      expect(created.status, await created.clone().text()).toBe(200);
      await readJson(created, createdBotSchema);
    }
    const listed = await get(`${api.url}/trpc/bots.list`, { ip, cookie: user.cookie, origin: 'https://evil.example' });
    expect(listed.status).toBe(200);
    expect((await readJson(listed, botListSchema)).result.data).toHaveLength(3);
  });

  it('without a session cookie: no origin check, and the procedure refuses the anonymous caller', async () => {
    const anonymous = await createBot({ ip: clientAddress(), origin: 'https://evil.example' });
    expect(anonymous.status).toBe(401);
    const stale = await createBot({ ip: clientAddress(), cookie: 'parley.session_token=not-a-session', origin: publicUrl });
    expect(stale.status).toBe(401);
  });
});

describe('workspace API keys', () => {
  it('work without Origin or cookies, act in the key\'s workspace, and stop at once when revoked', async () => {
    const ip = clientAddress();
    const user = await signedUpUser(api.url, { ip, origin: publicUrl });
    const [workspace] = await listUserWorkspaces(db, user.userId);
    if (!workspace) throw new Error('sign-up made no workspace');
    const { key, apiKey } = await createApiKey(db, { workspaceId: workspace.id, name: 'CI', role: 'builder', createdById: user.userId });
    const authorization = `Bearer ${key}`;

    const created = await createBot({ ip, authorization }, 'Made by a key');
    expect(created.status, await created.clone().text()).toBe(200);
    const listed = await get(`${api.url}/trpc/bots.list`, { ip, authorization });
    expect((await readJson(listed, botListSchema)).result.data.map((bot) => bot.name)).toEqual(['Made by a key']);
    // A key is no ambient credential: a foreign Origin (and a stray cookie) do not matter.
    const fromAnywhere = await createBot({ ip, authorization, origin: 'https://evil.example', cookie: user.cookie }, 'Also by the key');
    expect(fromAnywhere.status).toBe(200);

    expect(await revokeApiKey(db, { workspaceId: workspace.id, apiKeyId: apiKey.id })).toBe(true);
    const revoked = await get(`${api.url}/trpc/bots.list`, { ip, authorization });
    expect(revoked.status).toBe(401);
    expect((await readJson(revoked, trpcErrorSchema)).error.data.code).toBe('UNAUTHORIZED');
  });

  it('an unknown or malformed key is anonymous, never the cookie beside it', async () => {
    const ip = clientAddress();
    const user = await signedUpUser(api.url, { ip, origin: publicUrl });
    for (const authorization of ['Bearer pk_AAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'Bearer nonsense', 'Basic dXNlcjpwdw==']) {
      const answer = await get(`${api.url}/trpc/bots.list`, { ip, authorization, cookie: user.cookie });
      expect(answer.status, authorization).toBe(401);
    }
  });
});
