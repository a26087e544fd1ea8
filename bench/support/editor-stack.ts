import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deleteKeys } from '@parley/queue';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { z } from 'zod';
import { editorDir, ensureEditorBuild, nextBin, nextEnv } from '../../apps/editor/src/testing/ensure-editor-build';
import { freePort } from '../../apps/editor/src/testing/free-port';
import { startProcess, type StartedProcess } from '../../apps/editor/src/testing/start-process';
import { scratchDatabase } from './scratch-database';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const apiMain = fileURLToPath(new URL('../../apps/api/src/main.ts', import.meta.url));
const chromiumPath = process.env['BENCH_CHROMIUM'] ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The viewport of the editor's browser tests: the editor must work at 1280×720. */
export const editorViewport = { width: 1280, height: 720 };

export type EditorBenchStack = {
  editorUrl: string;
  browser: Browser;
  /** The signed-in person's browser context (viewport 1280×720, on the editor's origin). */
  context: BrowserContext;
  /** Whether this run built the editor (`next build`), and how long that took. */
  build: { built: boolean; seconds: number };
  /** A tRPC mutation from the signed-in context (its session cookie, the editor's Origin); the result's data. */
  mutation: (path: string, input: unknown) => Promise<unknown>;
  /** A tRPC query from the signed-in context; the result's data. */
  query: (path: string, input?: unknown) => Promise<unknown>;
  /** Closes the browser, stops the processes, drops the database and the Redis keys. */
  stop: () => Promise<void>;
};

/**
 * The editor as the editor's browser tests run it (apps/editor/src/editor.int.test.ts),
 * for a benchmark: a scratch database (migrated) and a Redis prefix of its own, the API
 * process (`apps/api/src/main.ts` under tsx, PUBLIC_URL the editor's URL), the editor's
 * production build served by `next start` (built first by ensureEditorBuild when missing
 * or older than its sources; BENCH_EDITOR_BUILD=reuse takes any existing build as it is),
 * the system Chromium, and a person signed up through better-auth's HTTP endpoint on the
 * editor's origin, acting in a workspace of their own.
 */
export async function startEditorBenchStack(): Promise<EditorBenchStack> {
  const buildStarted = Date.now();
  const reuse = process.env['BENCH_EDITOR_BUILD'] === 'reuse' && existsSync(join(editorDir, '.next', 'BUILD_ID'));
  const built = reuse ? false : await ensureEditorBuild();
  const build = { built, seconds: (Date.now() - buildStarted) / 1_000 };

  const database = await scratchDatabase('editor');
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `pbed${Date.now().toString(36)}`;
  const started: StartedProcess[] = [];
  let browser: Browser | undefined;
  const stop = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await Promise.all(started.reverse().map((process) => process.stop()));
    await database.drop();
    await deleteKeys(redisUrl, `${redisPrefix}:*`);
  };
  try {
    const [editorPort, apiPort] = await Promise.all([freePort(), freePort()]);
    const editorUrl = `http://127.0.0.1:${editorPort}`;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    started.push(
      await startProcess({
        command: process.execPath,
        args: ['--import', 'tsx', apiMain],
        cwd: repoRoot,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          DATABASE_URL: database.url,
          REDIS_URL: redisUrl,
          REDIS_PREFIX: redisPrefix,
          PARLEY_SECRET_KEY: randomBytes(32).toString('hex'),
          API_HOST: '127.0.0.1',
          API_PORT: String(apiPort),
          PUBLIC_URL: editorUrl,
          EDITOR_PORT: String(editorPort),
        },
        isReady: (output) => output.includes('API listening'),
        timeoutMs: 60_000,
      }),
    );
    started.push(
      await startProcess({
        command: process.execPath,
        args: [nextBin, 'start', '-H', '127.0.0.1', '-p', String(editorPort)],
        cwd: editorDir,
        env: nextEnv({ PARLEY_API_URL: apiUrl }),
        isReady: (output) => /Ready in/.test(output),
        timeoutMs: 60_000,
      }),
    );
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const context = await browser.newContext({ viewport: editorViewport, baseURL: editorUrl });

    const person = { name: 'Bench Builder', email: `bench-${randomUUID()}@parley.test`, password: `pw-${randomUUID()}` };
    const signUp = await context.request.post('/api/auth/sign-up/email', { data: person, headers: { origin: editorUrl } });
    if (!signUp.ok()) throw new Error(`sign-up answered ${signUp.status()}: ${await signUp.text()}`);

    const dataOf = async (response: { ok: () => boolean; status: () => number; json: () => Promise<unknown> }, path: string): Promise<unknown> => {
      const body: unknown = await response.json();
      if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${JSON.stringify(body).slice(0, 2_000)}`);
      return z.object({ result: z.object({ data: z.unknown() }) }).parse(body).result.data;
    };
    const mutation = async (path: string, input: unknown): Promise<unknown> =>
      dataOf(await context.request.post(`/trpc/${path}`, { data: input, headers: { origin: editorUrl } }), path);
    const query = async (path: string, input?: unknown): Promise<unknown> =>
      dataOf(await context.request.get(`/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`), path);

    // Sign-up gives a person a workspace of their own; make one should that change.
    const current = z.object({ workspace: z.object({ id: z.string() }).nullable() }).parse(await query('workspaces.current'));
    if (current.workspace === null) await mutation('workspaces.create', { name: 'Bench workspace' });

    return { editorUrl, browser, context, build, mutation, query, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
