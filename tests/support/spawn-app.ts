import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export type AppProcess = {
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for exit (graceful shutdown). */
  stop: () => Promise<number | null>;
  /** SIGKILL, as a crash would. */
  kill: () => Promise<void>;
};

/**
 * Starts one of Parley's apps (`api` or `worker`) as a real Node process with
 * the given environment, exactly as `npm start` runs it (tsx, no build step).
 * Output is captured so a failing test can show it. `nodeArgs` go to node before
 * the script (e.g. `--cpu-prof` to profile a benchmark run).
 */
export function spawnApp(app: 'api' | 'worker', env: Record<string, string>, nodeArgs: readonly string[] = []): AppProcess {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', resolve(root, `apps/${app}/src/main.ts`)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Resolves when `url` answers 200, or rejects with the process output after `timeoutMs`. */
export async function waitUntilReady(url: string, app: AppProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`process exited early:\n${app.output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms:\n${app.output()}`);
}
