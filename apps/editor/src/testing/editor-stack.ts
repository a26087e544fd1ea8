import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { z } from 'zod';
import { editorDir, ensureEditorBuild, nextBin, nextEnv } from './ensure-editor-build';
import { freePort } from './free-port';
import { startProcess, type StartedProcess } from './start-process';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const appMain = (app: 'api' | 'worker') => fileURLToPath(new URL(`../../../${app}/src/main.ts`, import.meta.url));

/** The viewport every browser test and screenshot uses (the editor must work at 1280×720). */
export const viewport = { width: 1280, height: 720 };

export type EditorStackOptions = {
  databaseUrl: string;
  redisUrl: string;
  /** Redis key prefix of this stack (unique per test file). */
  redisPrefix: string;
  /** Also run a worker, so published bots answer messages. */
  worker?: boolean;
  /** Extra environment for the API and worker. */
  env?: Record<string, string>;
  /** 'reuse': serve the existing build as it is (benchmarks comparing one build); default: build when stale. */
  build?: 'ensure' | 'reuse';
};

export type EditorStack = {
  editorUrl: string;
  apiUrl: string;
  browser: Browser;
  /** A fresh browser context on the editor (1280×720, clipboard allowed). */
  newContext(): Promise<BrowserContext>;
  /** Creates an account (and its workspace) and signs the context in. */
  signUp(context: BrowserContext, person: { name: string; email: string; password: string }): Promise<void>;
  /** A tRPC call from the context (its session cookie, the editor's Origin); the result's data. */
  trpc(context: BrowserContext, path: string, input: unknown, kind?: 'query' | 'mutation'): Promise<unknown>;
  stop(): Promise<void>;
};

/**
 * The editor as `npm start` runs it, for a browser test file: the API (and a worker when
 * asked) as real processes on the test's database and Redis prefix, the editor's
 * production build (`next start`, built once by ensureEditorBuild) in front of it on one
 * origin, and the system Chromium.
 */
export async function startEditorStack(options: EditorStackOptions): Promise<EditorStack> {
  const [editorPort, apiPort] = await Promise.all([freePort(), freePort(), options.build === 'reuse' ? false : ensureEditorBuild()]);
  const editorUrl = `http://127.0.0.1:${editorPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix,
    PARLEY_SECRET_KEY: randomBytes(32).toString('hex'),
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    PUBLIC_URL: editorUrl,
    EDITOR_PORT: String(editorPort),
    ELEMENT_EGRESS_ALLOW: '127.0.0.1',
    CHANNEL_EGRESS_ALLOW: '127.0.0.1',
    ...options.env,
  };
  const started: StartedProcess[] = [];
  let browser: Browser | undefined;
  try {
    started.push(
      await startProcess({
        command: process.execPath,
        args: ['--import', 'tsx', appMain('api')],
        cwd: repoRoot,
        env: { ...env, LOG_LEVEL: 'info' },
        isReady: (output) => output.includes('API listening'),
        timeoutMs: 60_000,
      }),
    );
    if (options.worker) {
      started.push(
        await startProcess({
          command: process.execPath,
          args: ['--import', 'tsx', appMain('worker')],
          cwd: repoRoot,
          env: { ...env, LOG_LEVEL: 'info' },
          isReady: (output) => output.includes('worker started'),
          timeoutMs: 60_000,
        }),
      );
    }
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
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (error) {
    await Promise.all(started.map((process) => process.stop()));
    throw error;
  }
  const launched = browser;
  const trpc = async (context: BrowserContext, path: string, input: unknown, kind: 'query' | 'mutation' = 'mutation'): Promise<unknown> => {
    const response =
      kind === 'mutation'
        ? await context.request.post(`${editorUrl}/trpc/${path}`, { data: input, headers: { origin: editorUrl } })
        : await context.request.get(`${editorUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
    const body: unknown = await response.json();
    if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${JSON.stringify(body)}`);
    return z.object({ result: z.object({ data: z.unknown() }) }).parse(body).result.data;
  };
  return {
    editorUrl,
    apiUrl,
    browser: launched,
    newContext: async () => {
      const context = await launched.newContext({ viewport, baseURL: editorUrl });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: editorUrl });
      return context;
    },
    signUp: async (context, person) => {
      const response = await context.request.post(`${editorUrl}/api/auth/sign-up/email`, { data: person, headers: { origin: editorUrl } });
      if (!response.ok()) throw new Error(`sign-up answered ${response.status()}: ${await response.text()}`);
    },
    trpc,
    stop: async () => {
      await launched.close();
      await Promise.all(started.reverse().map((process) => process.stop()));
    },
  };
}

/** Resolves once React has taken over the page (HydrationMarker): clicks and keys are handled from then on. */
export async function whenHydrated(page: Page): Promise<void> {
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** Opens `path` on the editor and waits until the page is interactive. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await whenHydrated(page);
}
