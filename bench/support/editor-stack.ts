import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deleteKeys } from '@parley/queue';
import type { Browser, BrowserContext } from 'playwright-core';
import { z } from 'zod';
import { startEditorStack, type EditorStack } from '../../apps/editor/src/testing/editor-stack';
import { editorDir, ensureEditorBuild } from '../../apps/editor/src/testing/ensure-editor-build';
import { scratchDatabase } from './scratch-database';

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
 * The editor exactly as its browser tests run it (startEditorStack: the API process, the
 * production build under `next start`, the system Chromium), for a benchmark: on a scratch
 * database (migrated) and a Redis prefix of its own, the build ensured first and timed
 * (BENCH_EDITOR_BUILD=reuse takes any existing build as it is), and a person signed up
 * through better-auth's HTTP endpoint, acting in a workspace of their own.
 */
export async function startEditorBenchStack(): Promise<EditorBenchStack> {
  const buildStarted = Date.now();
  const reuse = process.env['BENCH_EDITOR_BUILD'] === 'reuse' && existsSync(join(editorDir, '.next', 'BUILD_ID'));
  const built = reuse ? false : await ensureEditorBuild();
  const build = { built, seconds: (Date.now() - buildStarted) / 1_000 };

  const database = await scratchDatabase('editor');
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `pbed${Date.now().toString(36)}`;
  let stack: EditorStack | undefined;
  const stop = async (): Promise<void> => {
    await stack?.stop().catch(() => undefined);
    await database.drop();
    await deleteKeys(redisUrl, `${redisPrefix}:*`);
  };
  try {
    // The browser tests' stack, on the build just ensured (or reused as it is).
    stack = await startEditorStack({ databaseUrl: database.url, redisUrl, redisPrefix, build: 'reuse' });
    const started = stack;
    const context = await started.newContext();
    await started.signUp(context, { name: 'Bench Builder', email: `bench-${randomUUID()}@parley.test`, password: `pw-${randomUUID()}` });
    const mutation = async (path: string, input: unknown): Promise<unknown> => started.trpc(context, path, input, 'mutation');
    const query = async (path: string, input?: unknown): Promise<unknown> => started.trpc(context, path, input, 'query');

    // Sign-up gives a person a workspace of their own; make one should that change.
    const current = z.object({ workspace: z.object({ id: z.string() }).nullable() }).parse(await query('workspaces.current'));
    if (current.workspace === null) await mutation('workspaces.create', { name: 'Bench workspace' });

    return { editorUrl: started.editorUrl, browser: started.browser, context, build, mutation, query, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
