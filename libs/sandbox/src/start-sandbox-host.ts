import { writeSync } from 'node:fs';
import { guardProcessMemory } from './guard-process-memory';
import { IsolatePool } from './isolate-pool';
import { sandboxHostOptionsSchema, sandboxHostRequestSchema, type SandboxHostReply } from './sandbox-host-messages';
import { SandboxUnavailableError } from './sandbox-unavailable-error';

/**
 * The body of a sandbox process (forked by SandboxPool over an IPC channel): an
 * IsolatePool built from the JSON options in `optionsJson`, answering `run` requests with
 * their results. It exits when the parent goes away (IPC disconnect), so a killed worker
 * leaves no sandbox behind. On an isolated-vm catastrophic error (V8 lost control of the
 * isolate, e.g. an allocation past the heap limit it cannot recover from) it kills itself
 * at once — a normal exit would wait for the stuck isolate thread — and the parent
 * reports the run as `memory` and starts a new process. The same happens when the
 * process's resident memory runs away during a run (see guardProcessMemory): some
 * allocations grow outside the isolate's heap limit for seconds before V8 aborts.
 *
 * It reports what earlier runs left behind, for the parent to judge (see SandboxPool's
 * `recycleAboveMb`): its resident memory when a run starts (with the run's reply), and
 * `settleMs` after a run's reply if no other run started meanwhile (`resident`).
 */
export function startSandboxHost(optionsJson: string | undefined, settleMs = 100): void {
  const send = (reply: SandboxHostReply): void => {
    process.send?.(reply);
  };
  const residentMb = (): number => Math.round(process.memoryUsage.rss() / 1_048_576);
  let running = 0;
  let settle: NodeJS.Timeout | undefined;
  const replied = (reply: SandboxHostReply): void => {
    running--;
    send(reply);
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (running === 0) send({ type: 'resident', residentMb: residentMb(), stats: pool.stats() });
    }, settleMs);
  };
  const pool = new IsolatePool(sandboxHostOptionsSchema.parse(JSON.parse(optionsJson ?? '{}')), (message) => {
    writeSync(2, `sandbox: isolated-vm catastrophic error, stopping this sandbox process: ${message}\n`);
    process.kill(process.pid, 'SIGKILL');
  });
  const memoryGuard = guardProcessMemory({
    headroomMb: 64,
    intervalMs: 20,
    onExceeded: (residentMb, ceilingMb) => {
      writeSync(2, `sandbox: resident memory ${residentMb} MB passed the run's ceiling of ${ceilingMb} MB, stopping this sandbox process\n`);
      process.kill(process.pid, 'SIGKILL');
    },
  });
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: unknown) => {
    const request = sandboxHostRequestSchema.safeParse(message);
    if (!request.success) return;
    const { id, input } = request.data;
    running++;
    clearTimeout(settle);
    const residentBeforeMb = residentMb();
    memoryGuard.start(input.limits.memoryMb);
    pool.runInSandbox(input).finally(() => memoryGuard.stop()).then(
      (result) => replied({ type: 'result', id, result, residentBeforeMb, stats: pool.stats() }),
      (error: unknown) => {
        if (!(error instanceof SandboxUnavailableError)) process.stderr.write(`sandbox: run failed: ${String(error)}\n`);
        replied({ type: 'unavailable', id, message: error instanceof Error ? error.message : String(error), residentBeforeMb, stats: pool.stats() });
      },
    );
  });
  send({ type: 'ready', stats: pool.stats() });
}
