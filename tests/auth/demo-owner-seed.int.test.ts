import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, demoWorkspaceSlug, dropDatabase, ensureDatabase, getMembership, getWorkspaceBySlug, migrate, seedDemo, type Db } from '@parley/db';
import { clientAddress, get, readJson, currentSessionSchema, sessionCookie, signIn } from './support/auth-http';
import { startApi, testSecretKey, type RunningApi } from './support/start-api';

/**
 * `npm start`'s demo owner (apps/api/src/auth/seed-demo-owner-main.ts, run by
 * scripts/start.sh after the demo seed): demo@parley.local owns the demo workspace and
 * can sign in with the printed development password. On a database of its own: the
 * demo's slug and ids are fixed.
 */
const root = resolve(import.meta.dirname, '../..');
const secretKey = testSecretKey();
const publicUrl = 'http://127.0.0.1:3000';
let databaseUrl = '';
let db: Db;
let api: RunningApi | undefined;

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${url.pathname.slice(1)}_seed_${randomUUID().slice(0, 8)}`;
  databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  db = createDb(databaseUrl);
  await seedDemo(db, { flow: { version: 1, start: 'hello', nodes: [{ id: 'hello', text: 'Hi!' }] }, outboundUrl: 'http://127.0.0.1:9/replies', webhookSecret: 'whsec_test' }, secretKey);
});

afterAll(async () => {
  await api?.app.stop();
  await db?.$disconnect();
  if (databaseUrl && process.env.PARLEY_KEEP_TEST_DB !== '1') await dropDatabase(databaseUrl);
});

function runSeed(): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/auth/seed-demo-owner-main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl, PARLEY_SECRET_KEY: secretKey, PUBLIC_URL: publicUrl, DEMO_OWNER_PASSWORD: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the demo owner seed', () => {
  it('creates demo@parley.local as the demo workspace owner, prints how to sign in, and is idempotent', async () => {
    const [first, second] = [runSeed(), runSeed()];
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout.trim()).toBe(`Sign in at ${publicUrl} as demo@parley.local, password parley-demo-password`);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe(`Sign in at ${publicUrl} as demo@parley.local, password parley-demo-password (unless changed since)`);

    const user = await db.user.findUniqueOrThrow({ where: { email: 'demo@parley.local' } });
    const workspace = await getWorkspaceBySlug(db, demoWorkspaceSlug);
    expect(await getMembership(db, { workspaceId: workspace?.id ?? '', userId: user.id })).toMatchObject({ role: 'owner' });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(1);

    api = await startApi({ DATABASE_URL: databaseUrl, PARLEY_SECRET_KEY: secretKey, PUBLIC_URL: publicUrl });
    const ip = clientAddress();
    const signedIn = await signIn(api.url, { email: 'demo@parley.local', password: 'parley-demo-password' }, { ip, origin: publicUrl });
    expect(signedIn.status).toBe(200);
    const session = await get(`${api.url}/api/auth/get-session`, { ip, cookie: sessionCookie(signedIn) });
    expect((await readJson(session, currentSessionSchema))?.user.email).toBe('demo@parley.local');
  });
});
