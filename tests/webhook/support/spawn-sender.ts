import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { senderSummarySchema, type SenderConfig, type SenderSummary } from './sender-protocol';

const root = resolve(import.meta.dirname, '../../..');

export type Sender = {
  /** Tells the sender to start sending. */
  go: () => void;
  /** The sender's summary once it has sent everything and exited. */
  done: Promise<SenderSummary>;
};

/**
 * Starts rate-limited-sender.ts as its own Node process (tsx, as the apps run) and
 * resolves once it is connected and waiting for `go`. Rejects with its output if it dies
 * or is not ready within 30 s.
 */
export async function spawnSender(config: SenderConfig): Promise<Sender> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'rate-limited-sender.ts')], {
    cwd: root,
    env: { ...process.env, SENDER_CONFIG: JSON.stringify(config) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolveReady) => (markReady = resolveReady));
  const done = new Promise<SenderSummary>((resolveDone, rejectDone) => {
    let summary: SenderSummary | undefined;
    lines.on('line', (line) => {
      output += `${line}\n`;
      if (line === 'ready') markReady();
      else if (line.startsWith('{')) summary = senderSummarySchema.parse(JSON.parse(line));
    });
    child.once('exit', (code) => {
      if (code === 0 && summary !== undefined) resolveDone(summary);
      else rejectDone(new Error(`sender exited with ${String(code)}:\n${output}`));
    });
  });
  done.catch(() => undefined);
  const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await Promise.race([ready, done.then(() => undefined)]);
  clearTimeout(timeout);
  if (child.exitCode !== null) throw new Error(`sender exited before it was ready:\n${output}`);
  return {
    go: () => {
      child.stdin.write('go\n');
      child.stdin.end();
    },
    done,
  };
}
