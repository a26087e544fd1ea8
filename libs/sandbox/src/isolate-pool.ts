import ivm from 'isolated-vm';
import { describeScriptError } from './describe-script-error';
import { hashText } from './hash-text';
import { parseSandboxOutput } from './parse-sandbox-output';
import type { Sandbox } from './sandbox';
import { sandboxInputSchema, type SandboxInput } from './sandbox-input-schema';
import { isolatePoolOptionsSchema, type IsolatePoolOptions, type ResolvedIsolatePoolOptions } from './isolate-pool-options-schema';
import type { SandboxError, SandboxResult } from './sandbox-result-schema';
import { sandboxRuntimeSource, scriptFileName, scriptLineOffset, wrapScript } from './sandbox-runtime-source';
import { SandboxUnavailableError } from './sandbox-unavailable-error';

/** A context no run has used yet, with the runtime function instantiated in it. */
type PreparedContext = { context: ivm.Context; runtime: ivm.Reference };

/**
 * One warm isolate: its heap limit, the compiled runtime, its compiled scripts (LRU by
 * insertion order), the context prepared for its next run and whether a run holds it.
 */
type Slot = {
  isolate: ivm.Isolate;
  memoryMb: number;
  runtime: ivm.Script;
  scripts: Map<string, ivm.Script>;
  next: Promise<PreparedContext> | undefined;
  busy: boolean;
  /** When the slot was last released (a counter): the longest-idle slot is taken first, its next context most likely ready. */
  releasedAt: number;
};

type Outcome = { kind: 'done'; output: unknown } | { kind: 'error'; error: unknown } | { kind: 'wall' };

type Waiter = {
  memoryMb: number;
  resolve: (slot: Slot) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/** Counters for tests, benchmarks and health checks. */
export type IsolatePoolStats = {
  size: number;
  busy: number;
  waiting: number;
  isolatesCreated: number;
  isolatesDisposed: number;
  /** Scripts compiled (cache misses); identical script text on a warm isolate is not compiled again. */
  scriptsCompiled: number;
  runs: number;
};

/** isolated-vm's message when its `timeout` stopped the script (the isolate stays usable). */
const ivmTimeoutMessage = 'Script execution timed out.';
/** isolated-vm's rejection when the script awaited a promise nothing can settle any more. */
const ivmAbandonedMessage = 'Promise was abandoned';
/** V8's RangeError when an ArrayBuffer would exceed the isolate's memory limit. */
const arrayBufferFailedMessage = 'Array buffer allocation failed';

/**
 * Runs Code element scripts in isolated-vm isolates IN THIS PROCESS. Production code uses
 * `SandboxPool`, which runs one of these in each sandbox process: a few allocation
 * patterns make V8 abort the whole process instead of failing the isolate, and that must
 * not take the worker down.
 *
 * `size` isolates are kept warm and
 * each run gets a FRESH context in one of them (the previous run's globals, prototypes
 * and closures are unreachable), so nothing leaks between runs or tenants. Runs beyond
 * `size` wait in a FIFO queue.
 *
 * Limits of one run (`limits` of the input):
 * - time: isolated-vm's `timeout` (`timeoutMs`) on the script and everything it awaits;
 *   a host-side wall clock of `timeoutMs + wallGraceMs` disposes the isolate when the
 *   script outlives that (e.g. while its error is copied out); the isolate's CPU time is
 *   checked after the run as well. All report `timeout`.
 * - memory: each isolate is created with `memoryLimit = memoryMb`; a breach disposes the
 *   isolate (`memory`). Isolates are kept per heap limit: a run needing another limit
 *   re-creates an idle isolate (about 1 ms).
 * A disposed isolate is replaced before its slot serves the next run, so the pool keeps
 * serving after infinite loops, memory bombs and thrown errors.
 *
 * Inside, the script sees only `attributeApi`, `encryptionUtils`, `console` and the
 * JavaScript built-ins (no require, process, import(), timers, SharedArrayBuffer,
 * Atomics or WebAssembly); values cross the boundary only as copies (JSON text in and
 * out, strings to the host's hash function). Compiled scripts are cached per isolate by
 * their text.
 */
export class IsolatePool implements Sandbox {
  readonly #options: ResolvedIsolatePoolOptions;
  readonly #onCatastrophicError: ((message: string) => void) | undefined;
  readonly #slots: Slot[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #hash = new ivm.Callback(hashText);
  readonly #caps: string;
  readonly #retired = new WeakSet<ivm.Isolate>();
  #disposed = false;
  #created = 0;
  #destroyed = 0;
  #runs = 0;
  #compiled = 0;
  #releases = 0;

  /**
   * Creates the warm isolates (`size` of them, `warmMemoryMb` each) at once.
   * `onCatastrophicError` is isolated-vm's hook for an isolate V8 lost control of: log it
   * and restart the process (see isolated-vm's README).
   */
  constructor(options: IsolatePoolOptions = {}, onCatastrophicError?: (message: string) => void) {
    this.#options = isolatePoolOptionsSchema.parse(options);
    this.#onCatastrophicError = onCatastrophicError;
    this.#caps = JSON.stringify({
      maxLogLines: this.#options.maxLogLines,
      maxLogLineLength: this.#options.maxLogLineLength,
      maxOutputChars: this.#options.maxOutputChars,
    });
    for (let i = 0; i < this.#options.size; i++) this.#slots.push(this.#createSlot(this.#options.warmMemoryMb));
  }

  /** Runs one script; see `Sandbox` and `SandboxResult` for the contract. */
  async runInSandbox(input: SandboxInput): Promise<SandboxResult> {
    const parsed = sandboxInputSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-value', message: `Invalid sandbox input: ${parsed.error.message}` }, durationMs: 0 };
    }
    const slot = await this.#acquire(parsed.data.limits.memoryMb);
    try {
      return await this.#run(slot, parsed.data);
    } finally {
      this.#release(slot);
    }
  }

  stats(): IsolatePoolStats {
    return {
      size: this.#slots.length,
      busy: this.#slots.filter((slot) => slot.busy).length,
      waiting: this.#waiters.length,
      isolatesCreated: this.#created,
      isolatesDisposed: this.#destroyed,
      scriptsCompiled: this.#compiled,
      runs: this.#runs,
    };
  }

  /**
   * Disposes every isolate and refuses runs in progress, queued runs and later runs with
   * SandboxUnavailableError. Call it when the process stops taking work.
   */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const waiter of this.#waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new SandboxUnavailableError('The sandbox pool was shut down'));
    }
    for (const slot of this.#slots) this.#retire(slot);
  }

  async #run(slot: Slot, input: SandboxInput): Promise<SandboxResult> {
    const { timeoutMs, memoryMb } = input.limits;
    const started = performance.now();
    const elapsed = (): number => performance.now() - started;
    const cpuBefore = slot.isolate.cpuTime;
    let wallExpired = false;
    let timer: NodeJS.Timeout | undefined;
    let prepared: PreparedContext | undefined;
    const wallClock = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => {
        wallExpired = true;
        this.#retire(slot);
        resolve({ kind: 'wall' });
      }, timeoutMs + this.#options.wallGraceMs);
    });
    const work = (async () => {
      const script = await this.#compile(slot, input.code);
      prepared = await this.#takePrepared(slot);
      const entry = await script.run(prepared.context, { reference: true, timeout: timeoutMs });
      return prepared.runtime.apply(
        undefined,
        [JSON.stringify(input.attributes), entry.derefInto({ release: true }), this.#hash, this.#caps],
        { result: { promise: true, copy: true }, timeout: timeoutMs },
      );
    })();
    try {
      const outcome = await Promise.race([
        work.then(
          (output: unknown): Outcome => ({ kind: 'done', output }),
          (error: unknown): Outcome => ({ kind: 'error', error }),
        ),
        wallClock,
      ]);
      if (this.#disposed) throw new SandboxUnavailableError('The sandbox pool was shut down during the run');
      const fail = (code: SandboxError['code'], message: string): SandboxResult => ({ ok: false, error: { code, message }, durationMs: elapsed() });
      const timedOut = (): SandboxResult => fail('timeout', `The script ran longer than ${timeoutMs} ms`);
      // Nothing can settle a promise once the script's own jobs are done (no timers, no I/O).
      const neverSettles = (): SandboxResult => fail('timeout', 'The script waited for a promise that never settles');
      if (wallExpired || outcome.kind === 'wall') return timedOut();
      if (outcome.kind === 'error') {
        if (slot.isolate.isDisposed) return fail('memory', `The script used more than ${memoryMb} MB of memory`);
        const error = outcome.error;
        if (error instanceof Error && error.message === ivmTimeoutMessage) return timedOut();
        if (error instanceof Error && error.message === ivmAbandonedMessage) return neverSettles();
        if (error instanceof RangeError && error.message === arrayBufferFailedMessage) {
          return fail('memory', `The script used more than ${memoryMb} MB of memory (${arrayBufferFailedMessage})`);
        }
        return fail('script-error', describeScriptError(error));
      }
      if (!slot.isolate.isDisposed && Number(slot.isolate.cpuTime - cpuBefore) / 1e6 > timeoutMs) return timedOut();
      const parsed = parseSandboxOutput(outcome.output, this.#options);
      if (!parsed.ok) return { ok: false, error: parsed.error, durationMs: elapsed() };
      return { ok: true, attributes: parsed.attributes, logs: parsed.logs, durationMs: elapsed() };
    } finally {
      clearTimeout(timer);
      this.#runs++;
      if (!slot.isolate.isDisposed) {
        try {
          prepared?.runtime.release();
          prepared?.context.release();
        } catch {
          // Gone with its isolate.
        }
        this.#prepare(slot);
      }
    }
  }

  /**
   * Starts creating the slot's next context in the background, so a run finds it ready
   * (creating one costs more than the rest of a trivial run). It is fresh: no run has
   * touched it, only the runtime function was defined in it.
   */
  #prepare(slot: Slot): void {
    const { isolate, runtime } = slot;
    const next = (async (): Promise<PreparedContext> => {
      const context = await isolate.createContext();
      return { context, runtime: await runtime.run(context, { reference: true }) };
    })();
    next.catch(() => undefined);
    slot.next = next;
  }

  /** The slot's prepared context (waiting for it if it is still being created); a run uses it once. */
  async #takePrepared(slot: Slot): Promise<PreparedContext> {
    if (!slot.next) this.#prepare(slot);
    const next = slot.next;
    slot.next = undefined;
    if (!next) throw new SandboxUnavailableError('No context could be prepared');
    return next;
  }

  /** The compiled script for `code` in this isolate, from the cache when the same text ran here before. */
  async #compile(slot: Slot, code: string): Promise<ivm.Script> {
    const cached = slot.scripts.get(code);
    if (cached) {
      slot.scripts.delete(code);
      slot.scripts.set(code, cached);
      return cached;
    }
    const script = await slot.isolate.compileScript(wrapScript(code), { filename: scriptFileName, lineOffset: scriptLineOffset });
    this.#compiled++;
    if (this.#options.scriptCacheSize > 0) {
      slot.scripts.set(code, script);
      for (const [oldest, old] of slot.scripts) {
        if (slot.scripts.size <= this.#options.scriptCacheSize) break;
        slot.scripts.delete(oldest);
        old.release();
      }
    }
    return script;
  }

  /**
   * An idle slot for a run needing `memoryMb`: one already at that heap limit, else any
   * idle one re-created at it; when all are busy, waits in FIFO order (up to
   * `queueTimeoutMs`).
   */
  async #acquire(memoryMb: number): Promise<Slot> {
    if (this.#disposed) throw new SandboxUnavailableError('The sandbox pool was shut down');
    const idle = this.#longestIdle((slot) => slot.memoryMb === memoryMb) ?? this.#longestIdle(() => true);
    if (idle) {
      try {
        return this.#claim(idle, memoryMb);
      } catch (error) {
        throw new SandboxUnavailableError(`No sandbox isolate could be created: ${String(error)}`);
      }
    }
    return new Promise<Slot>((resolve, reject) => {
      const waiter: Waiter = {
        memoryMb,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          reject(new SandboxUnavailableError(`Every sandbox stayed busy for ${this.#options.queueTimeoutMs} ms`));
        }, this.#options.queueTimeoutMs),
      };
      this.#waiters.push(waiter);
    });
  }

  #longestIdle(matches: (slot: Slot) => boolean): Slot | undefined {
    let found: Slot | undefined;
    for (const slot of this.#slots) {
      if (!slot.busy && matches(slot) && (!found || slot.releasedAt < found.releasedAt)) found = slot;
    }
    return found;
  }

  /** Marks the slot busy, with a healthy isolate at `memoryMb` (re-created when needed). */
  #claim(slot: Slot, memoryMb: number): Slot {
    if (slot.isolate.isDisposed || slot.memoryMb !== memoryMb) {
      this.#retire(slot);
      Object.assign(slot, this.#createSlot(memoryMb));
    }
    slot.busy = true;
    return slot;
  }

  /** Hands the slot to the first waiter, or leaves it idle; a disposed isolate is replaced first. */
  #release(slot: Slot): void {
    slot.busy = false;
    slot.releasedAt = ++this.#releases;
    if (this.#disposed) return;
    const waiter = this.#waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      try {
        waiter.resolve(this.#claim(slot, waiter.memoryMb));
      } catch (error) {
        slot.busy = false;
        waiter.reject(new SandboxUnavailableError(`No sandbox isolate could be created: ${String(error)}`));
      }
      return;
    }
    if (slot.isolate.isDisposed) {
      this.#retire(slot);
      try {
        Object.assign(slot, this.#createSlot(slot.memoryMb));
      } catch {
        // Left disposed: the next #claim tries again.
      }
    }
  }

  /** A new isolate at `memoryMb` with the runtime compiled and the first context being prepared. */
  #createSlot(memoryMb: number): Slot {
    const isolate = new ivm.Isolate({
      memoryLimit: memoryMb,
      ...(this.#onCatastrophicError ? { onCatastrophicError: this.#onCatastrophicError } : {}),
    });
    this.#created++;
    const runtime = isolate.compileScriptSync(sandboxRuntimeSource, { filename: 'parley-runtime.js' });
    const slot: Slot = { isolate, memoryMb, runtime, scripts: new Map(), next: undefined, busy: false, releasedAt: 0 };
    this.#prepare(slot);
    return slot;
  }

  /** Drops the slot's isolate for good: disposes it unless isolated-vm already did (memory limit). */
  #retire(slot: Slot): void {
    slot.scripts.clear();
    slot.next = undefined;
    if (this.#retired.has(slot.isolate)) return;
    this.#retired.add(slot.isolate);
    this.#destroyed++;
    if (slot.isolate.isDisposed) return;
    try {
      slot.isolate.dispose();
    } catch {
      // Disposed by isolated-vm in the meantime.
    }
  }
}
