import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveProcessMemoryCeiling, type ProcessMemoryCeiling } from './resolve-process-memory-ceiling';
import type { Sandbox } from './sandbox';
import { sandboxHostReplySchema, type SandboxHostRequest } from './sandbox-host-messages';
import { sandboxInputSchema, type SandboxInput } from './sandbox-input-schema';
import { sandboxPoolOptionsSchema, type ResolvedSandboxPoolOptions, type SandboxPoolOptions } from './sandbox-pool-options-schema';
import type { SandboxResult } from './sandbox-result-schema';
import { SandboxUnavailableError } from './sandbox-unavailable-error';
import type { IsolatePoolStats } from './isolate-pool';
import { resolveNetworkIsolation, type NetworkIsolation } from './resolve-network-isolation';
import { spawnSandboxProcess } from './spawn-sandbox-process';

type PendingRun = {
  id: number;
  started: number;
  memoryMb: number;
  resolve: (result: SandboxResult) => void;
  reject: (error: Error) => void;
  watchdog: NodeJS.Timeout;
};

/** One sandbox process: ready once its isolate is warm; `busy` while a run holds it. */
type Host = {
  child: ChildProcess;
  ready: boolean;
  busy: boolean;
  run: PendingRun | undefined;
  stats: IsolatePoolStats | undefined;
  startTimer: NodeJS.Timeout | undefined;
  killedBy: 'watchdog' | 'start-timeout' | 'dispose' | 'recycle' | undefined;
  exited: Promise<void>;
  /** Undoes what the process's start set up outside it (its cgroup); called once it exited. */
  release: () => void;
};

type Waiter = { resolve: (host: Host) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/** Counters for tests, benchmarks and health checks; isolate counters add up every process's (exited ones included). */
export type SandboxPoolStats = {
  processes: number;
  ready: number;
  busy: number;
  waiting: number;
  processesStarted: number;
  /** Processes that ended while the pool used them (V8 aborts, memory ceilings, watchdog kills, failed starts). */
  processesLost: number;
  /** Processes replaced after a run because they stayed over `recycleAboveMb` of resident memory. */
  processesRecycled: number;
  /** The kernel's memory ceiling on each sandbox process (see resolveProcessMemoryCeiling). */
  memoryCeiling: ProcessMemoryCeiling;
  /** Whether sandbox processes run without network (see resolveNetworkIsolation). */
  network: NetworkIsolation;
  runs: number;
  isolatesCreated: number;
  isolatesDisposed: number;
  scriptsCompiled: number;
};

type IsolateCounter = 'isolatesCreated' | 'isolatesDisposed' | 'scriptsCompiled';
const isolateCounters: IsolateCounter[] = ['isolatesCreated', 'isolatesDisposed', 'scriptsCompiled'];

const hostMain = fileURLToPath(new URL('./sandbox-host-main.ts', import.meta.url));
/** The sandbox processes run TypeScript like the rest of Parley: through tsx's loader. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** The only environment a sandbox process gets: no database URL, no secrets, no NODE_OPTIONS. */
const inheritedEnv = ['PATH', 'HOME', 'TMPDIR', 'TZ', 'LANG', 'NODE_ENV'];
/**
 * Node's options for a sandbox process. `--no-node-snapshot`: isolated-vm requires it on
 * Node 20+. The rest keep its address space and resident memory small and predictable, so
 * that a tight kernel ceiling fits: without them Node reserves 8 GiB of address space for
 * each WebAssembly memory (guard regions; tsx and Node's module loader instantiate two
 * lexers: 16 GiB, no isolate involved; scripts have no WebAssembly) and lets its own young
 * generation grow to tens of MB (about 360 MB resident after heavy runs, instead of 160 MB).
 */
const nodeFlags = ['--no-node-snapshot', '--disable-wasm-trap-handler', '--wasm-max-mem-pages=1024', '--max-semi-space-size=2', '--import', tsxLoader];
/**
 * Set for every sandbox process: glibc's malloc keeps at most two arenas (each reserves
 * 64 MiB of address space, one per thread otherwise) and hands back less memory it freed.
 */
const fixedEnv = { MALLOC_ARENA_MAX: '2' };

/**
 * The sandbox the worker uses: `size` sandbox processes (child processes of this one),
 * each running an IsolatePool with one warm isolate (see IsolatePool for the limits,
 * the fresh context per run and what scripts can reach). Runs go to an idle process, one
 * at a time per process; more wait in a FIFO queue (up to `queueTimeoutMs`).
 *
 * Why processes: V8 aborts the whole process, instead of failing the isolate, for some
 * allocations past the heap limit (e.g. `a.length = 1e8; a.fill(1)`). Here that ends one
 * sandbox process: its run reports `memory`, a new process is started, and the worker and
 * the other runs carry on. A process that does not answer within `timeoutMs +
 * wallGraceMs + watchdogSlackMs` is killed (`timeout`) and replaced the same way.
 * Processes start with `--no-node-snapshot` (isolated-vm requires it on Node 20+), get
 * none of the worker's environment (no database URL or secrets), and exit when this
 * process goes away.
 *
 * Memory, three layers: each isolate's heap limit (`memoryMb` of the run); the process's
 * own resident-memory guard during a run (guardProcessMemory); and a ceiling the KERNEL
 * enforces on the whole process, `processMemoryMb` (a cgroup's memory limit under
 * `cgroupDir`, else RLIMIT_AS; see resolveProcessMemoryCeiling, logged once at start and
 * in `stats().memoryCeiling`). A process that still holds more than `recycleAboveMb`
 * resident after a run is replaced once the run's result is handed back.
 */
export class SandboxPool implements Sandbox {
  readonly #options: ResolvedSandboxPoolOptions;
  readonly #hosts: Host[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #readyWaiters: Array<() => void> = [];
  readonly #retired = { isolatesCreated: 0, isolatesDisposed: 0, scriptsCompiled: 0 };
  readonly #ceiling: ProcessMemoryCeiling;
  readonly #network: NetworkIsolation;
  readonly #log: (line: string) => void;
  #disposed = false;
  #nextId = 0;
  #started = 0;
  #lost = 0;
  #recycled = 0;
  #runs = 0;
  #failedStarts = 0;

  /**
   * Picks the kernel memory ceiling (probing this machine, a few ms; logged once), then
   * starts the sandbox processes at once (each takes about half a second to become ready).
   */
  constructor(options: SandboxPoolOptions = {}) {
    this.#options = sandboxPoolOptionsSchema.parse(options);
    this.#log = this.#options.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.#ceiling = resolveProcessMemoryCeiling(this.#options);
    this.#log(`sandbox: ${describeCeiling(this.#ceiling, this.#options.processMemoryMb)}`);
    this.#network = resolveNetworkIsolation(this.#options.isolateNetwork);
    this.#log(
      this.#network.mechanism === 'netns'
        ? 'sandbox: each sandbox process runs in a network namespace of its own (no network)'
        : `sandbox: sandbox processes share the worker's network: ${this.#network.reason}`,
    );
    for (let i = 0; i < this.#options.size; i++) this.#spawn();
  }

  /** Runs one script; see `Sandbox` and `SandboxResult` for the contract. */
  async runInSandbox(input: SandboxInput): Promise<SandboxResult> {
    const parsed = sandboxInputSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-value', message: `Invalid sandbox input: ${parsed.error.message}` }, durationMs: 0 };
    }
    const host = await this.#acquire();
    try {
      return await this.#dispatch(host, parsed.data);
    } finally {
      this.#release(host);
    }
  }

  /** Resolves once every sandbox process is ready (for tests and benchmarks; runs wait on their own). */
  async whenReady(): Promise<void> {
    while (!this.#disposed && this.#hosts.filter((host) => host.ready).length < this.#options.size) {
      await new Promise<void>((resolve) => this.#readyWaiters.push(resolve));
    }
  }

  /** The sandbox processes' ids (for monitoring their memory, and for tests). */
  processIds(): number[] {
    return this.#hosts.flatMap((host) => (host.child.pid === undefined ? [] : [host.child.pid]));
  }

  stats(): SandboxPoolStats {
    const sum = (key: IsolateCounter): number =>
      this.#hosts.reduce((total, host) => total + (host.stats?.[key] ?? 0), this.#retired[key]);
    return {
      processes: this.#hosts.length,
      ready: this.#hosts.filter((host) => host.ready).length,
      busy: this.#hosts.filter((host) => host.busy).length,
      waiting: this.#waiters.length,
      processesStarted: this.#started,
      processesLost: this.#lost,
      processesRecycled: this.#recycled,
      memoryCeiling: this.#ceiling,
      network: this.#network,
      runs: this.#runs,
      isolatesCreated: sum('isolatesCreated'),
      isolatesDisposed: sum('isolatesDisposed'),
      scriptsCompiled: sum('scriptsCompiled'),
    };
  }

  /**
   * Stops every sandbox process; runs in progress and queued runs are refused with
   * SandboxUnavailableError, later ones too. Resolves when the processes have exited.
   */
  async dispose(): Promise<void> {
    this.#disposed = true;
    for (const waiter of this.#waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new SandboxUnavailableError('The sandbox pool was shut down'));
    }
    for (const resolve of this.#readyWaiters.splice(0)) resolve();
    const hosts = [...this.#hosts];
    for (const host of hosts) {
      host.killedBy = 'dispose';
      host.child.ref();
      host.child.kill('SIGKILL');
    }
    await Promise.all(hosts.map((host) => host.exited));
  }

  #spawn(): void {
    // Only a few harmless variables reach the sandbox host (no database URL, no secrets).
    const env: NodeJS.ProcessEnv = { NODE_ENV: process.env.NODE_ENV ?? 'production' };
    for (const name of inheritedEnv) {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    }
    Object.assign(env, fixedEnv);
    const { child, release } = spawnSandboxProcess({
      ceiling: this.#ceiling,
      prefix: this.#network.mechanism === 'netns' ? this.#network.prefix : [],
      nodeArgs: [...nodeFlags, hostMain, JSON.stringify({ ...this.#options.isolates, size: 1 })],
      env,
      stderr: this.#options.stderr,
    });
    this.#started++;
    let exited: () => void = () => undefined;
    const host: Host = {
      child,
      ready: false,
      busy: false,
      run: undefined,
      stats: undefined,
      startTimer: undefined,
      killedBy: undefined,
      exited: new Promise<void>((resolve) => (exited = resolve)),
      release,
    };
    host.startTimer = setTimeout(() => {
      host.killedBy = 'start-timeout';
      child.kill('SIGKILL');
    }, this.#options.startTimeoutMs);
    child.on('message', (message: unknown) => this.#onMessage(host, message));
    child.once('exit', (code, signal) => {
      this.#onExit(host, signal ?? String(code));
      exited();
    });
    child.on('error', () => child.kill('SIGKILL'));
    // An idle pool never keeps the process alive; a run in flight does (see #dispatch).
    child.unref();
    child.channel?.unref();
    this.#hosts.push(host);
  }

  #onMessage(host: Host, message: unknown): void {
    const parsed = sandboxHostReplySchema.safeParse(message);
    if (!parsed.success) return;
    const reply = parsed.data;
    host.stats = reply.stats;
    if (reply.type === 'resident') {
      // Measured while the process was idle; if a run started since, that run's reply decides.
      if (host.ready && !host.busy && reply.residentMb > this.#options.recycleAboveMb) this.#recycle(host, reply.residentMb, 'after its last run');
      return;
    }
    if (reply.type === 'ready') {
      clearTimeout(host.startTimer);
      host.ready = true;
      this.#failedStarts = 0;
      for (const resolve of this.#readyWaiters.splice(0)) resolve();
      if (!host.busy) this.#serveWaiter(host);
      return;
    }
    const run = host.run;
    if (!run || run.id !== reply.id) return;
    this.#finish(host);
    if (reply.type === 'result') run.resolve(reply.result);
    else run.reject(new SandboxUnavailableError(reply.message));
    // A process kept busy never reports while idle: what it held when this run started stayed.
    if (reply.residentBeforeMb > this.#options.recycleAboveMb) this.#recycle(host, reply.residentBeforeMb, 'when its last run started');
  }

  /**
   * Replaces a process that kept `residentMb` of memory from earlier runs, once the result
   * of its run was handed back: it takes no more runs, is stopped, and its exit starts a
   * new one (#onExit).
   */
  #recycle(host: Host, residentMb: number, when: string): void {
    if (host.killedBy !== undefined) return;
    this.#recycled++;
    host.ready = false;
    host.killedBy = 'recycle';
    this.#log(`sandbox: replacing sandbox process ${host.child.pid}: ${residentMb} MB resident ${when}, over recycleAboveMb (${this.#options.recycleAboveMb} MB)`);
    host.child.kill('SIGTERM');
  }

  /** A sandbox process ended: its run (if any) gets its outcome, and a new process takes its place. */
  #onExit(host: Host, how: string): void {
    clearTimeout(host.startTimer);
    host.release();
    this.#hosts.splice(this.#hosts.indexOf(host), 1);
    for (const key of isolateCounters) this.#retired[key] += host.stats?.[key] ?? 0;
    const replaced = host.killedBy === 'dispose' || host.killedBy === 'recycle';
    if (!replaced) this.#lost++;
    if (!host.ready && !replaced) this.#failedStarts++;
    const run = host.run;
    if (run) {
      this.#finish(host);
      const durationMs = performance.now() - run.started;
      if (host.killedBy === 'watchdog') {
        run.resolve({ ok: false, error: { code: 'timeout', message: 'The script ran longer than its time limit and its sandbox was stopped' }, durationMs });
      } else if (host.killedBy === 'dispose') {
        run.reject(new SandboxUnavailableError('The sandbox pool was shut down during the run'));
      } else {
        run.resolve({
          ok: false,
          error: {
            code: 'memory',
            message: `The script used far more than its ${run.memoryMb} MB of memory and its sandbox process was stopped (it ended with ${how})`,
          },
          durationMs,
        });
      }
    }
    if (this.#disposed) return;
    // A process that keeps failing to start (say, isolated-vm missing) is retried with backoff.
    const delay = this.#failedStarts === 0 ? 0 : Math.min(30_000, 250 * 2 ** (this.#failedStarts - 1));
    setTimeout(() => {
      if (!this.#disposed) this.#spawn();
    }, delay).unref();
  }

  #dispatch(host: Host, input: SandboxInput): Promise<SandboxResult> {
    return new Promise<SandboxResult>((resolve, reject) => {
      const id = ++this.#nextId;
      const limit = input.limits.timeoutMs + this.#options.isolates.wallGraceMs + this.#options.watchdogSlackMs;
      const watchdog = setTimeout(() => {
        host.killedBy = 'watchdog';
        host.child.kill('SIGKILL');
      }, limit);
      host.run = { id, started: performance.now(), memoryMb: input.limits.memoryMb, resolve, reject, watchdog };
      host.child.channel?.ref();
      const request: SandboxHostRequest = { type: 'run', id, input };
      // A failed send means the process is going away: its exit settles the run.
      host.child.send(request, (error) => {
        if (error) host.child.kill('SIGKILL');
      });
    });
  }

  #finish(host: Host): void {
    if (host.run) clearTimeout(host.run.watchdog);
    host.run = undefined;
    this.#runs++;
    host.child.channel?.unref();
  }

  /** A ready, idle sandbox process, or a place in the FIFO queue (up to `queueTimeoutMs`). */
  async #acquire(): Promise<Host> {
    if (this.#disposed) throw new SandboxUnavailableError('The sandbox pool was shut down');
    const idle = this.#hosts.find((host) => host.ready && !host.busy);
    if (idle) {
      idle.busy = true;
      return idle;
    }
    return new Promise<Host>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          reject(new SandboxUnavailableError(`No sandbox became free within ${this.#options.queueTimeoutMs} ms`));
        }, this.#options.queueTimeoutMs),
      };
      this.#waiters.push(waiter);
    });
  }

  #release(host: Host): void {
    host.busy = false;
    if (this.#hosts.includes(host) && host.ready) this.#serveWaiter(host);
  }

  #serveWaiter(host: Host): void {
    const waiter = this.#waiters.shift();
    if (!waiter) return;
    clearTimeout(waiter.timer);
    host.busy = true;
    waiter.resolve(host);
  }
}

/** The log line saying which ceiling applies (operators need to know when there is none). */
function describeCeiling(ceiling: ProcessMemoryCeiling, processMemoryMb: number): string {
  const note = ceiling.note ? ` (${ceiling.note})` : '';
  switch (ceiling.mechanism) {
    case 'cgroup-v2':
    case 'cgroup-v1':
      return `each sandbox process is limited by the kernel to ${ceiling.limitMb} MB of memory (${ceiling.mechanism} memory limit, one cgroup per process under ${ceiling.cgroupDir})${note}`;
    case 'rlimit-as':
      return `each sandbox process is limited by the kernel to ${ceiling.limitMb} MB of address space (RLIMIT_AS: processMemoryMb ${processMemoryMb} + addressSpaceReserveMb for what Node and V8 reserve)${note}`;
    case 'none':
      return `WARNING: no kernel memory ceiling for sandbox processes (${ceiling.reason}); only isolate heap limits and the resident-memory guard apply${note}`;
  }
}
