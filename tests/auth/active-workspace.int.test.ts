import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createBot, createDb, createWorkspaceWithOwner, listUserWorkspaces, setActiveWorkspace, type Db } from '@parley/db';
import { clientAddress, currentSessionSchema, get, readJson, signedUpUser } from './support/auth-http';
import { startApi, testSecretKey, type RunningApi } from './support/start-api';

/**
 * Which workspace a signed-in browser acts in: its session's activeWorkspaceId while
 * the user is a member there, else their first workspace; re-read on every request.
 */
const publicUrl = 'http://127.0.0.1:3000';
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

const botNamesSchema = z.object({ result: z.object({ data: z.array(z.object({ name: z.string() })) }) });

describe('the active workspace', () => {
  it("follows the session's activeWorkspaceId while the user is a member there, else the first workspace", async () => {
    const ip = clientAddress();
    const user = await signedUpUser(api.url, { ip, origin: publicUrl }, 'Zed');
    const [own] = await listUserWorkspaces(db, user.userId);
    if (!own) throw new Error('sign-up made no workspace');
    const other = await createWorkspaceWithOwner(db, { name: 'Another workspace', ownerUserId: user.userId });
    await createBot(db, { workspaceId: own.id, name: 'In my own', draft: { version: 1, start: 'a', nodes: [{ id: 'a', text: 'Hi' }] } });
    await createBot(db, { workspaceId: other.id, name: 'In the other', draft: { version: 1, start: 'a', nodes: [{ id: 'a', text: 'Hi' }] } });
    const botNames = async (): Promise<string[]> => {
      const answer = await get(`${api.url}/trpc/bots.list`, { ip, cookie: user.cookie });
      expect(answer.status, await answer.clone().text()).toBe(200);
      return (await readJson(answer, botNamesSchema)).result.data.map((bot) => bot.name);
    };

    // No active workspace yet: the first by name ("Another workspace" < "Zed's workspace").
    expect(await botNames()).toEqual(['In the other']);

    const session = await readJson(await get(`${api.url}/api/auth/get-session`, { ip, cookie: user.cookie }), currentSessionSchema);
    if (!session) throw new Error('not signed in');
    await setActiveWorkspace(db, session.session.id, own.id);
    expect(await botNames()).toEqual(['In my own']);

    // Membership gone: the active workspace no longer counts, at once.
    await db.membership.deleteMany({ where: { workspaceId: own.id, userId: user.userId } });
    expect(await botNames()).toEqual(['In the other']);
  });
});
