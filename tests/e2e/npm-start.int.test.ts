import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../support/free-port';
import { waitFor } from '../support/wait-for';

/**
 * `npm start` as a user runs it (scripts/start.sh): migrate, seed the demo bot,
 * run editor, API, worker and the demo inbox. The printed demo owner must be able to sign
 * in on the editor's origin and see the demo bot,
 * /readyz must answer, and `npm run say` must get the bot's reply into the inbox.
 * Runs against this test run's database and its own Redis prefix and ports.
 */
const root = resolve(import.meta.dirname, '../..');
let child: ChildProcess;
let output = '';
let ports = { api: 0, editor: 0, inbox: 0 };
let env: Record<string, string> = {};

beforeAll(async () => {
  ports = { api: await freePort(), editor: await freePort(), inbox: await freePort() };
  env = {
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: `${inject('redisPrefix')}_start`,
    API_PORT: String(ports.api),
    EDITOR_PORT: String(ports.editor),
    DEMO_INBOX_PORT: String(ports.inbox),
    PARLEY_API_URL: `http://127.0.0.1:${ports.api}`,
    LOG_LEVEL: 'info',
  };
  child = spawn('bash', ['scripts/start.sh'], { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
}, 240_000);

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  }
});

async function fetchText(url: string): Promise<{ status: number; text: string } | undefined> {
  try {
    const response = await fetch(url);
    return { status: response.status, text: await response.text() };
  } catch {
    return undefined;
  }
}

describe('npm start', () => {
  it('serves the editor with the demo bot, answers /readyz, and the demo bot replies', async () => {
    const printed = () => (child.exitCode !== null ? Promise.reject(new Error(`npm start exited:\n${output}`)) : undefined);
    const ready = await waitFor('/readyz', async () => {
      await printed();
      const result = await fetchText(`http://127.0.0.1:${ports.api}/readyz`);
      return result?.status === 200 ? result : undefined;
    }, 180_000);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'ready' });

    // The printed demo owner signs in on the editor's origin (which serves /api/auth from the API) and sees the demo bot.
    const editor = `http://127.0.0.1:${ports.editor}`;
    expect(output).toContain(`Editor       ${editor}`);
    const credentials = /as (\S+@\S+), password (\S+)/.exec(output);
    expect(credentials?.[1]).toBe('demo@parley.local');
    const cookie = await waitFor('the demo owner signed in', async () => {
      await printed();
      const response = await fetch(`${editor}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: editor },
        body: JSON.stringify({ email: credentials?.[1], password: credentials?.[2] }),
      }).catch(() => undefined);
      const session = response?.headers.getSetCookie().find((line) => line.includes('session_token='));
      return response?.status === 200 && session ? session.split(';')[0] : undefined;
    }, 60_000);
    const page = await waitFor('the editor page', async () => {
      await printed();
      const response = await fetch(`${editor}/bots`, { headers: { cookie: cookie ?? '' } }).catch(() => undefined);
      const text = (await response?.text()) ?? '';
      return response?.status === 200 && text.includes('Demo bot') ? text : undefined;
    }, 60_000);
    expect(page).toContain('Demo bot');
    // Signed out, the editor sends a visitor to sign in.
    const anonymous = await fetch(`${editor}/bots`, { redirect: 'manual' });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.headers.get('location')).toContain('/sign-in');

    await waitFor('the demo inbox', () => (output.includes('demo inbox listening') ? true : undefined), 30_000);
    const say = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo-say.ts', 'hello', '--from', 'start-test'], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(say.stdout).toMatch(/^202 /);
    await waitFor('the reply in the inbox log', () => (output.includes("bot → start-test: Hi! I'm the Parley demo bot.") ? true : undefined), 20_000);
  }, 300_000);
});
