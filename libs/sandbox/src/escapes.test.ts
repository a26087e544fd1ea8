import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxPool } from './sandbox-pool';
import type { SandboxResult } from './sandbox-result-schema';

/**
 * Known ways out of a JavaScript sandbox, each refused or contained: the script gets no
 * host object, no module system, no process, no timers, no shared memory; limits stop
 * loops and allocations; and after every failure the pool still serves the next run.
 */
const pool = new SandboxPool({ size: 2, stderr: 'ignore' });
/** One sandbox process whose counters show whether a failure kept, replaced or restarted its isolate. */
const single = new SandboxPool({ size: 1, stderr: 'ignore' });
beforeAll(() => Promise.all([pool.whenReady(), single.whenReady()]), 60_000);
afterAll(() => Promise.all([pool.dispose(), single.dispose()]));

/** What changed in `single`'s counters while `action` ran. */
async function countersDuring(action: () => Promise<void>): Promise<{ isolatesCreated: number; isolatesDisposed: number; processesStarted: number; processesLost: number }> {
  const before = single.stats();
  await action();
  await single.whenReady();
  const after = single.stats();
  return {
    isolatesCreated: after.isolatesCreated - before.isolatesCreated,
    isolatesDisposed: after.isolatesDisposed - before.isolatesDisposed,
    processesStarted: after.processesStarted - before.processesStarted,
    processesLost: after.processesLost - before.processesLost,
  };
}

const limits = { timeoutMs: 300, memoryMb: 32 };
/** For allocation bombs: long enough that the heap limit, not the clock, stops them. */
const memoryLimits = { timeoutMs: 5_000, memoryMb: 32 };
function run(code: string, on: SandboxPool = pool, runLimits = limits): Promise<SandboxResult> {
  return on.runInSandbox({ code, attributes: { secret: 'tenant A' }, limits: runLimits });
}
/** The run completed; the attributes it set. */
async function completed(code: string): Promise<Record<string, unknown>> {
  const result = await run(code);
  if (!result.ok) throw new Error(`expected a completed run, got ${JSON.stringify(result.error)}`);
  return result.attributes;
}
/** The run failed; its error code. */
async function failed(code: string, on: SandboxPool = pool, runLimits = limits): Promise<string> {
  const result = await run(code, on, runLimits);
  if (result.ok) throw new Error(`expected a failed run, got ${JSON.stringify(result)}`);
  return result.error.code;
}
/** A normal script still runs on the pool. */
async function poolStillServes(on: SandboxPool = pool): Promise<void> {
  const result = await on.runInSandbox({ code: "attributeApi.set('n', attributeApi.get('n') + 1)", attributes: { n: 1 }, limits });
  expect(result).toMatchObject({ ok: true, attributes: { n: 2 } });
}

const hostGlobals = ['require', 'process', 'module', 'exports', 'global', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch', 'ivm', '_ivm'];

describe('no host capabilities', () => {
  it('has no require, process, module, Buffer, timers, fetch or isolated-vm handles', async () => {
    const typeofs = await completed(`attributeApi.set('types', [${hostGlobals.map((name) => `typeof ${name}`).join(', ')}]);`);
    expect(typeofs['types']).toEqual(hostGlobals.map(() => 'undefined'));
    expect(await failed("require('fs')")).toBe('script-error');
    expect(await failed("process.exit(1)")).toBe('script-error');
  });

  it('exposes only the built-ins plus attributeApi, encryptionUtils and console on the global object', async () => {
    const { names } = await completed("attributeApi.set('names', Object.getOwnPropertyNames(globalThis))");
    expect(Array.isArray(names)).toBe(true);
    const exposed = Array.isArray(names) ? names.map(String) : [];
    expect(exposed).toEqual(expect.arrayContaining(['attributeApi', 'encryptionUtils', 'console', 'JSON', 'Math']));
    for (const name of [...hostGlobals, 'SharedArrayBuffer', 'Atomics', 'WebAssembly']) expect(exposed).not.toContain(name);
  });

  it('refuses import() of modules', async () => {
    expect(await failed("await import('node:fs')")).toBe('script-error');
    expect(await failed("await import('data:text/javascript,export default 1')")).toBe('script-error');
  });

  it('constructor chains reach only the sandbox’s own Function', async () => {
    const found = await completed(`
      const viaThis = this.constructor.constructor('return typeof process')();
      const viaApi = attributeApi.get.constructor('return typeof process + typeof require')();
      const viaHash = encryptionUtils.sha256.constructor('return this')();
      const viaConsole = console.log.constructor.constructor('return typeof process')();
      attributeApi.set('found', [viaThis, viaApi, viaHash === globalThis, viaConsole,
        attributeApi.get.constructor === Function, encryptionUtils.sha256.constructor === Function]);
    `);
    expect(found['found']).toEqual(['undefined', 'undefinedundefined', true, 'undefined', true, true]);
    expect(await failed("this.constructor.constructor('return process')().exit(1)")).toBe('script-error');
  });

  it('errors thrown by host functions arrive as the sandbox’s own objects', async () => {
    const found = await completed(`
      try { encryptionUtils.sha256({}) } catch (e) {
        attributeApi.set('found', [e instanceof TypeError, e.constructor === TypeError,
          e.constructor.constructor('return typeof process')()]);
      }
    `);
    expect(found['found']).toEqual([true, true, 'undefined']);
  });

  it('Error.prepareStackTrace sees only sandbox frames and no host objects', async () => {
    const found = await completed(`
      let leaked = false;
      const files = [];
      Error.prepareStackTrace = (error, frames) => {
        for (const frame of frames) {
          files.push(String(frame.getFileName()));
          for (const value of [frame.getThis(), frame.getFunction()]) {
            if (value && (value.process || (value.constructor && value.constructor.constructor('return typeof process')() !== 'undefined'))) leaked = true;
          }
        }
        return 'replaced';
      };
      try { encryptionUtils.md5(Symbol('x')) } catch (e) { e.stack }
      try { attributeApi.set(42, 1) } catch (e) { e.stack }
      try { null.x } catch (e) { e.stack }
      attributeApi.set('leaked', leaked);
      attributeApi.set('files', files);
    `);
    expect(found['leaked']).toBe(false);
    const files = Array.isArray(found['files']) ? found['files'].map(String) : [];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).not.toMatch(/node:|\.ts$|\/work\/|node_modules/);
  });

  it('prototype pollution stays inside the run: not the host, not the next run', async () => {
    const result = await run(`
      Object.prototype.polluted = 'yes';
      Array.prototype.polluted = 'yes';
      Object.prototype.toJSON = function () { return { hijacked: true } };
      attributeApi.set('value', { a: 1 });
    `);
    // The script may break its own result (here: logs turn into objects, so the run is refused) ...
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-value' } });
    // ... but never the host's objects or the next run's.
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    expect(Reflect.get([], 'polluted')).toBeUndefined();
    expect(await failed("attributeApi.set('x', JSON.parse('{\"__proto__\": {\"polluted\": true}}'))")).toBe('invalid-value');
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      expect(await completed("attributeApi.set('clean', [typeof ({}).polluted, typeof [].polluted, typeof Object.prototype.toJSON])")).toEqual({
        clean: ['undefined', 'undefined', 'undefined'],
      });
    }
  });

  it('breaking out of the script wrapper gains nothing', async () => {
    const result = await run("}); attributeApi.set('escaped', typeof process); (async function () {");
    expect(result.ok ? result.attributes['escaped'] : result.error.code).toMatch(/^(undefined|script-error)$/);
    await poolStillServes();
  });
});

describe('shared memory, wasm and timers', () => {
  it('has no SharedArrayBuffer, Atomics or WebAssembly, so no Atomics.wait hang and no wasm memory bomb', async () => {
    expect(await completed("attributeApi.set('t', [typeof SharedArrayBuffer, typeof Atomics, typeof WebAssembly])")).toEqual({
      t: ['undefined', 'undefined', 'undefined'],
    });
    expect(await failed('Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)')).toBe('script-error');
    expect(await failed('new WebAssembly.Memory({ initial: 65536, maximum: 65536 })')).toBe('script-error');
    await poolStillServes();
  });

  it('has no timers that could outlive the run', async () => {
    expect(await failed('setTimeout(() => {}, 10)')).toBe('script-error');
    expect(await failed('setInterval(() => {}, 10)')).toBe('script-error');
  });
});

describe('limits', { timeout: 30_000 }, () => {
  it('stops an infinite loop (timeout) and the same isolate serves the next run', async () => {
    const changes = await countersDuring(async () => {
      const started = performance.now();
      expect(await failed('while (true) {}', single)).toBe('timeout');
      expect(performance.now() - started).toBeLessThan(limits.timeoutMs + 2_000);
      await poolStillServes(single);
    });
    expect(changes).toEqual({ isolatesCreated: 0, isolatesDisposed: 0, processesStarted: 0, processesLost: 0 });
  });

  it('stops loops after await, in promise jobs and in endless microtask chains', async () => {
    expect(await failed('await null; while (true) {}')).toBe('timeout');
    expect(await failed('Promise.resolve().then(() => { for (;;) {} })')).toBe('timeout');
    // Each link of this chain stays reachable, so the heap limit may stop it before the clock.
    expect(await failed('const spin = () => Promise.resolve().then(spin); spin(); await new Promise(() => {});')).toMatch(/^(timeout|memory)$/);
    await poolStillServes();
  });

  it('stops a script that outlives its limit outside isolated-vm’s timeout (the wall clock disposes the isolate)', async () => {
    const changes = await countersDuring(async () => {
      // The loop runs while the error is copied out, after the script's own timeout ended.
      expect(await failed("const e = new Error('x'); Object.defineProperty(e, 'stack', { get() { for (;;) {} } }); throw e;", single)).toBe('timeout');
      await poolStillServes(single);
    });
    expect(changes).toEqual({ isolatesCreated: 1, isolatesDisposed: 1, processesStarted: 0, processesLost: 0 });
  });

  it('contains a memory bomb (memory): the isolate is replaced and the pool keeps serving', async () => {
    const changes = await countersDuring(async () => {
      expect(await failed('const hoard = []; for (;;) hoard.push({ n: Math.random(), s: String(Math.random()) });', single, memoryLimits)).toBe('memory');
      await poolStillServes(single);
    });
    expect(changes).toEqual({ isolatesCreated: 1, isolatesDisposed: 1, processesStarted: 0, processesLost: 0 });
  });

  it('contains an allocation V8 cannot survive (it aborts the process): the sandbox process is replaced, the worker is not touched', async () => {
    const changes = await countersDuring(async () => {
      expect(await failed('const a = []; a.length = 1e8; a.fill(1);', single, memoryLimits)).toBe('memory');
      await poolStillServes(single);
    });
    expect(changes).toMatchObject({ processesStarted: 1, processesLost: 1 });
    // The other pool's processes never noticed.
    await poolStillServes();
  });

  it('kills a sandbox process that stops answering (the watchdog: timeout) and starts a new one', async () => {
    const changes = await countersDuring(async () => {
      const [pid] = single.processIds();
      const stuck = run('while (true) {}', single);
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (pid !== undefined) process.kill(pid, 'SIGSTOP');
      expect(await stuck).toMatchObject({ ok: false, error: { code: 'timeout' } });
      await poolStillServes(single);
    });
    expect(changes).toMatchObject({ processesStarted: 1, processesLost: 1 });
  });

  it('contains huge allocations: strings, array buffers, arrays', async () => {
    expect(await failed("'x'.repeat(2 ** 30)", pool, memoryLimits)).toBe('script-error');
    expect(await failed("let s = 'ab'; for (;;) s += s;", pool, memoryLimits)).toMatch(/^(script-error|memory)$/);
    expect(await failed("let s = 'ab'; for (;;) s = (s + s).split('').reverse().join('');", pool, memoryLimits)).toMatch(/^(script-error|memory)$/);
    expect(await failed('new ArrayBuffer(2 ** 31)', pool, memoryLimits)).toBe('memory');
    expect(await failed('const buffers = []; for (;;) buffers.push(new Uint8Array(2 ** 20));', pool, memoryLimits)).toBe('memory');
    expect(await failed('new Array(2 ** 28).fill(1.5)', pool, memoryLimits)).toMatch(/^(script-error|memory)$/);
    expect(await failed("const parts = []; for (;;) parts.push('y'.repeat(1e5) + Math.random());", pool, memoryLimits)).toBe('memory');
    await poolStillServes();
  });

  it('contains deep recursion (script-error: the stack overflows, the isolate lives)', async () => {
    expect(await failed('function f(n) { return f(n + 1) + 1 } f(0)')).toBe('script-error');
    expect(await failed('const o = {}; o.toString = () => `${o}`; String(o)')).toBe('script-error');
    await poolStillServes();
  });

  it('contains catastrophic regex backtracking', async () => {
    const started = performance.now();
    expect(await failed("/^(a+)+$/.test('a'.repeat(40) + 'b')")).toMatch(/^(timeout|memory)$/);
    expect(performance.now() - started).toBeLessThan(limits.timeoutMs + 2_000);
    await poolStillServes();
  });

  it('keeps serving other runs while every isolate is stuck, and after a mix of failures', async () => {
    const stuck = [run('for (;;) {}'), run('for (;;) {}')];
    const queued = pool.runInSandbox({ code: "attributeApi.set('ok', true)", attributes: {}, limits });
    expect((await Promise.all(stuck)).map((result) => result.ok || result.error.code)).toEqual(['timeout', 'timeout']);
    expect(await queued).toMatchObject({ ok: true, attributes: { ok: true } });
    for (const code of ['for (;;) {}', 'const a = []; for (;;) a.push([a])', "throw new Error('boom')", 'x = ;']) {
      expect((await run(code, pool, memoryLimits)).ok).toBe(false);
      await poolStillServes();
    }
  });
});
