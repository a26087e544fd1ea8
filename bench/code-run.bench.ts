import { SandboxPool, type SandboxInput, type SandboxResult } from '@parley/sandbox';
import { IsolatePool } from '@parley/sandbox/isolate-pool';
import { percentile, type BenchRow, type BenchSuite } from './bench-suite';

const limits = { timeoutMs: 1_000, memoryMb: 32 };
const trivial: SandboxInput = { code: "attributeApi.set('x', 1);", attributes: { a: 1 }, limits };
const counterAndHash: SandboxInput = {
  code: [
    "let count = attributeApi.get('retryCount') || 0;",
    'count = parseInt(count) + 1;',
    "attributeApi.set('retryCount', count);",
    "attributeApi.set('hashedData', encryptionUtils.sha256(attributeApi.get('sensitiveData') + count));",
  ].join('\n'),
  attributes: { retryCount: 3, sensitiveData: 'customer@example.com', lastReceivedMessage: 'hello' },
  limits,
};

/**
 * The Code element's sandbox (libs/sandbox), measured as the worker uses it:
 * - runs on the warm pool (2 sandbox processes, one isolate each), one after another:
 *   a trivial script (5 000 runs; target p50 < 1 ms) and a script using attributeApi and
 *   sha256 (2 000 runs); then 16 callers at once (throughput);
 * - the same trivial script on an in-process IsolatePool (no IPC: what the process
 *   boundary costs);
 * - cold starts: a new isolate with the runtime compiled, its first context and first
 *   run (in process), and a new sandbox process until its isolate is warm.
 * No database or network needed.
 */
export const codeRunBench: BenchSuite = {
  name: 'code-run',
  run: async () => {
    const rows: BenchRow[] = [];
    const pool = new SandboxPool({ size: 2 });
    try {
      await pool.whenReady();
      const trivialRuns = await timeRuns(pool, trivial, 5_000, 500);
      rows.push(row('code run, trivial script (warm pool, sequential)', trivialRuns, 'p50 < 1 ms', percentile(trivialRuns, 50) < 1));
      rows.push(row('code run, attributeApi + sha256 (warm pool, sequential)', await timeRuns(pool, counterAndHash, 2_000, 200)));
      rows.push(await throughput(pool, trivial, 16, 5_000));
    } finally {
      await pool.dispose();
    }

    const inProcess = new IsolatePool({ size: 1 });
    try {
      rows.push(row('code run, trivial script (in-process IsolatePool, no IPC)', await timeRuns(inProcess, trivial, 5_000, 500)));
    } finally {
      await inProcess.dispose();
    }

    const coldIsolate: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      const cold = new IsolatePool({ size: 1 });
      expectOk(await cold.runInSandbox(trivial));
      coldIsolate.push(performance.now() - started);
      await cold.dispose();
    }
    rows.push(row('cold isolate: create, compile runtime, first context and run (in process)', coldIsolate));

    const coldProcess: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const cold = new SandboxPool({ size: 1 });
      await cold.whenReady();
      coldProcess.push(performance.now() - started);
      await cold.dispose();
    }
    rows.push(row('cold sandbox process: fork until its isolate is warm', coldProcess));
    return rows;
  },
};

/** Wall time of `runs` runs one after another (after `warmup` unmeasured ones), ms each. */
async function timeRuns(sandbox: { runInSandbox: (input: SandboxInput) => Promise<SandboxResult> }, input: SandboxInput, runs: number, warmup: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    expectOk(await sandbox.runInSandbox(input));
    if (i >= warmup) samples.push(performance.now() - started);
  }
  return samples;
}

/** `callers` loops sharing `total` runs on the pool: runs per second and latency as seen by each caller (queueing included). */
async function throughput(pool: SandboxPool, input: SandboxInput, callers: number, total: number): Promise<BenchRow> {
  const samples: number[] = [];
  let left = total;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (left-- > 0) {
        const runStarted = performance.now();
        expectOk(await pool.runInSandbox(input));
        samples.push(performance.now() - runStarted);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1_000;
  return {
    name: `code run, trivial script, ${callers} callers on 2 sandboxes (throughput)`,
    figures: { runs_per_s: samples.length / seconds, p50_ms: percentile(samples, 50), p99_ms: percentile(samples, 99), runs: samples.length },
  };
}

function expectOk(result: SandboxResult): void {
  if (!result.ok) throw new Error(`benchmark script failed: ${result.error.code}: ${result.error.message}`);
}

function row(name: string, samples: number[], target?: string, met?: boolean): BenchRow {
  const mean = samples.reduce((sum, sample) => sum + sample, 0) / samples.length;
  return {
    name,
    figures: { p50_ms: percentile(samples, 50), p99_ms: percentile(samples, 99), mean_ms: mean, runs: samples.length },
    ...(target === undefined ? {} : { target, met }),
  };
}
