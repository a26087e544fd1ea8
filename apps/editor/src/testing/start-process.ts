import { spawn } from 'node:child_process';

export type StartedProcess = {
  pid: number;
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output: () => string;
  /** Stops the process and its children (SIGTERM, then SIGKILL after 5 s); resolves once it exited. */
  stop: () => Promise<void>;
};

export type StartProcessOptions = {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Resolves when the process is ready; gets the output so far after every chunk. */
  isReady: (output: string) => boolean;
  timeoutMs: number;
};

/**
 * Starts a long-running process for a test in its own process group, and waits
 * until `isReady` says so. Rejects, after stopping it, when the process exits
 * first or the timeout passes; the message carries the process's output.
 * Only this process and its children are ever signalled (by group id).
 */
export async function startProcess(options: StartProcessOptions): Promise<StartedProcess> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${options.command}`);
  let output = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => {
    exited = true;
  });

  const stop = async (): Promise<void> => {
    if (exited) return;
    signalGroup(pid, 'SIGTERM');
    const killer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
    await exit;
    clearTimeout(killer);
  };

  await new Promise<void>((resolve, reject) => {
    const fail = (reason: string): void => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${options.command} ${options.args.join(' ')}: ${reason}\n${output}`)));
    };
    const timer = setTimeout(() => fail(`not ready after ${options.timeoutMs} ms`), options.timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (options.isReady(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
  });

  return { pid, output: () => output, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
