import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/editor */
export const editorDir = fileURLToPath(new URL('../..', import.meta.url));

/** The `next` CLI entry point, run with the current Node binary. */
export const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** Environment for every `next` process a test starts: production mode, no telemetry. */
export function nextEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Makes sure `apps/editor/.next` holds a production build at least as new as
 * the editor's sources (app/, src/ outside tests, proxy.ts, next.config.ts,
 * postcss.config.mjs, tsconfig.json, package.json); runs `next build` when it does not. Resolves to whether it built.
 * The build does not depend on the API's runtime location, so one build serves
 * every test run.
 */
export async function ensureEditorBuild(): Promise<boolean> {
  if (await buildIsCurrent()) return false;
  // Test files and benchmarks running side by side build once: the first takes the lock
  // (an atomic mkdir), the others wait for it and then find the build current.
  await takeBuildLock();
  try {
    if (await buildIsCurrent()) return false;
    await runNextBuild();
    return true;
  } finally {
    await rm(buildLock, { recursive: true, force: true });
  }
}

const buildLock = join(editorDir, '.next-build-lock');
/** A lock older than this is left over from a killed build and is taken over. */
const staleLockMs = 15 * 60_000;

async function buildIsCurrent(): Promise<boolean> {
  const builtAt = await modifiedAt(join(editorDir, '.next', 'BUILD_ID'));
  return builtAt !== undefined && builtAt >= (await newestSource());
}

async function takeBuildLock(): Promise<void> {
  for (;;) {
    try {
      await mkdir(buildLock);
      return;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      const since = await modifiedAt(buildLock);
      if (since !== undefined && Date.now() - since > staleLockMs) await rm(buildLock, { recursive: true, force: true });
      else await new Promise((done) => setTimeout(done, 1000));
    }
  }
}

async function newestSource(): Promise<number> {
  const files = [
    ...(await listFiles(join(editorDir, 'app'))),
    ...(await listFiles(join(editorDir, 'src'))).filter((file) => !/\.test\.tsx?$/.test(file) && !file.includes('/testing/')),
    // The shared libraries the editor bundles (element schemas and forms metadata, validateFlow).
    ...(await listFiles(join(editorDir, '../../libs/elements/src'))).filter((file) => !/\.test\.tsx?$/.test(file)),
    ...(await listFiles(join(editorDir, '../../libs/engine/src'))).filter((file) => !/\.test\.tsx?$/.test(file)),
    ...['proxy.ts', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package.json'].map((name) => join(editorDir, name)),
  ];
  const times = await Promise.all(files.map(modifiedAt));
  return Math.max(0, ...times.map((time) => time ?? 0));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function modifiedAt(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

function runNextBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], { cwd: editorDir, env: nextEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${output}`))));
  });
}
