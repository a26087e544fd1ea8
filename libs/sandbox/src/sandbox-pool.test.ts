import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxPool } from './sandbox-pool';
import type { SandboxInput } from './sandbox-input-schema';
import type { SandboxResult } from './sandbox-result-schema';
import { SandboxUnavailableError } from './sandbox-unavailable-error';

/** Two sandbox processes for most tests; one single-process pool whose counters the pool tests read. */
const pool = new SandboxPool({ size: 2 });
const single = new SandboxPool({ size: 1 });
beforeAll(() => Promise.all([pool.whenReady(), single.whenReady()]), 60_000);
afterAll(() => Promise.all([pool.dispose(), single.dispose()]));

const limits = { timeoutMs: 1_000, memoryMb: 32 };
function run(code: string, attributes: SandboxInput['attributes'] = {}, on: SandboxPool = pool, runLimits = limits): Promise<SandboxResult> {
  return on.runInSandbox({ code, attributes, limits: runLimits });
}
async function attributesOf(code: string, attributes: SandboxInput['attributes'] = {}): Promise<Record<string, unknown>> {
  const result = await run(code, attributes);
  if (!result.ok) throw new Error(`expected a completed run, got ${JSON.stringify(result.error)}`);
  return result.attributes;
}
async function errorOf(code: string, attributes: SandboxInput['attributes'] = {}, on: SandboxPool = pool, runLimits = limits) {
  const result = await run(code, attributes, on, runLimits);
  if (result.ok) throw new Error(`expected a failed run, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('attributeApi', () => {
  it('reads the snapshot and hands back every attribute set, with its last value (the counter use case)', async () => {
    const script = "let count = attributeApi.get('retryCount') || 0;\ncount = parseInt(count) + 1;\nattributeApi.set('retryCount', count);";
    const result = await run(script, { retryCount: 2, other: 'x' });
    expect(result).toEqual({ ok: true, attributes: { retryCount: 3 }, logs: [], durationMs: expect.any(Number) });
    expect(await attributesOf(script)).toEqual({ retryCount: 1 });
  });

  it('runs the spec example: grade a score', async () => {
    const script = "const score = attributeApi.get('score');\nif (score > 80) {\n  attributeApi.set('result', 'pass');\n} else {\n  attributeApi.set('result', 'fail');\n}";
    expect(await attributesOf(script, { score: 91 })).toEqual({ result: 'pass' });
    expect(await attributesOf(script, { score: 12 })).toEqual({ result: 'fail' });
  });

  it('returns undefined for unset attributes, sees its own writes, and copies values in and out', async () => {
    expect(
      await attributesOf(
        `const profile = attributeApi.get('profile');
         profile.name = 'changed';
         attributeApi.set('missing', attributeApi.get('nope') === undefined);
         attributeApi.set('untouched', attributeApi.get('profile').name);
         const list = [1, 2];
         attributeApi.set('list', list);
         list.push(3);
         attributeApi.set('readBack', attributeApi.get('list'));
         attributeApi.set('nested', { a: [null, true, 1.5, 'x', { b: {} }] });`,
        { profile: { name: 'Ann' } },
      ),
    ).toEqual({ missing: true, untouched: 'Ann', list: [1, 2], readBack: [1, 2], nested: { a: [null, true, 1.5, 'x', { b: {} }] } });
  });

  it('parses a large JSON attribute (1 MB) and extracts values', async () => {
    const items = Array.from({ length: 12_000 }, (_, i) => ({ id: i, sku: `SKU-${i}`, title: `A product called number ${i}`, price: i * 1.25 }));
    const apiResponse = JSON.stringify({ order: { id: 'A-42', status: 'shipped' }, items });
    expect(apiResponse.length).toBeGreaterThan(1_000_000);
    const script = `const responseJson = JSON.parse(attributeApi.get('apiResponse'));
attributeApi.set('orderId', responseJson.order.id);
attributeApi.set('orderStatus', responseJson.order.status);
attributeApi.set('count', responseJson.items.length);`;
    expect(await attributesOf(script, { apiResponse })).toEqual({ orderId: 'A-42', orderStatus: 'shipped', count: 12_000 });
  });

  it('refuses attributes over maxOutputChars inside the sandbox, before they are copied out (invalid-value naming the limit)', async () => {
    const large = { timeoutMs: 3_000, memoryMb: 64 };
    expect(await errorOf("attributeApi.set('big', 'z'.repeat(6 * 1048576))", {}, pool, large)).toEqual({
      code: 'invalid-value',
      message: "attributeApi.set('big', …): the attributes set would take 6 MiB of JSON, more than the 4 MiB a script may hand back",
    });
    // Catching the RangeError does not help; many attributes count together; replacing one does not add up.
    expect(await errorOf("try { attributeApi.set('big', 'z'.repeat(6 * 1048576)) } catch (e) { attributeApi.set('caught', e instanceof RangeError) }", {}, pool, large)).toMatchObject({
      code: 'invalid-value',
    });
    expect(await errorOf("for (let i = 0; i < 50; i++) attributeApi.set('part' + i, 'x'.repeat(100000))", {}, pool, large)).toMatchObject({
      code: 'invalid-value',
      message: expect.stringContaining("attributeApi.set('part41', …): the attributes set would take 4"),
    });
    expect(await attributesOf("for (let i = 0; i < 100; i++) attributeApi.set('same', 'x'.repeat(100000) + i); attributeApi.set('same', 1)")).toEqual({ same: 1 });
    // The console output counts too: a result still too large is replaced inside the sandbox by a short refusal.
    const small = new SandboxPool({ size: 1, log: () => undefined, isolates: { maxOutputChars: 1_000 } });
    try {
      expect(await errorOf("for (let i = 0; i < 20; i++) console.log('y'.repeat(100))", {}, small)).toEqual({
        code: 'invalid-value',
        message: expect.stringMatching(/^The attributes set and the console output take \d+ characters of JSON, more than the 1000 characters a script may hand back$/),
      });
    } finally {
      await small.dispose();
    }
  });

  it('refuses values that are not JSON with invalid-value, even when the script catches the TypeError', async () => {
    const refused = [
      ['undefined', 'undefined'],
      ['() => 1', 'a function'],
      ['NaN', 'NaN'],
      ['Infinity', 'Infinity'],
      ['10n', 'a bigint'],
      ["Symbol('s')", 'a symbol'],
      ['new Date(0)', 'a Date'],
      ['new Map()', 'a Map'],
      ['{ a: [1, undefined] }', 'the value.a[1] is undefined'],
      ['(() => { const o = {}; o.self = o; return o; })()', 'refers to itself'],
      ['[1, , 3]', 'hole'],
      ['JSON.parse(\'{"__proto__": {"polluted": true}}\')', '"__proto__" key'],
    ];
    for (const [value, reason] of refused) {
      const error = await errorOf(`attributeApi.set('x', ${value});`);
      expect(error.code, value).toBe('invalid-value');
      expect(error.message, value).toContain(reason);
      expect(await errorOf(`try { attributeApi.set('x', ${value}); } catch (e) {} attributeApi.set('y', 1);`), value).toMatchObject({
        code: 'invalid-value',
      });
    }
    expect(await errorOf("attributeApi.set('__proto__', 1)")).toMatchObject({ code: 'invalid-value' });
    expect(await errorOf('attributeApi.set(42, 1)')).toMatchObject({ code: 'script-error', message: expect.stringContaining('name must be a string') });
  });
});

describe('encryptionUtils', () => {
  it('hashes text to hex with md5, sha1, sha256 and sha512 (the spec example)', async () => {
    const script = `const value = attributeApi.get('sensitiveData');
attributeApi.set('md5', encryptionUtils.md5(value));
attributeApi.set('sha1', encryptionUtils.sha1(value));
attributeApi.set('hashedData', encryptionUtils.sha256(value));
attributeApi.set('sha512', encryptionUtils.sha512(value));
attributeApi.set('number', encryptionUtils.sha256(42));`;
    const hex = (algorithm: string, text: string): string => createHash(algorithm).update(text, 'utf8').digest('hex');
    const text = 'café ☕ 123';
    expect(await attributesOf(script, { sensitiveData: text })).toEqual({
      md5: hex('md5', text),
      sha1: hex('sha1', text),
      hashedData: hex('sha256', text),
      sha512: hex('sha512', text),
      number: hex('sha256', '42'),
    });
    expect(await attributesOf("attributeApi.set('abc', encryptionUtils.sha256('abc'))")).toEqual({
      abc: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });

  it('throws a TypeError the script can catch for values that are not text', async () => {
    expect(await attributesOf("try { encryptionUtils.md5({}) } catch (e) { attributeApi.set('error', e instanceof TypeError && e.message) }")).toEqual({
      error: 'encryptionUtils.md5: expected a text, got a Object',
    });
    expect(await errorOf('encryptionUtils.sha1(undefined)')).toMatchObject({ code: 'script-error', message: expect.stringContaining('TypeError') });
  });
});

describe('the script', () => {
  it('randomizes with Math.random (the isolate’s own)', async () => {
    const script = `const options = ['Option A', 'Option B', 'Option C'];
const randomIndex = Math.floor(Math.random() * options.length);
attributeApi.set('selectedOption', options[randomIndex]);`;
    const seen = new Set<unknown>();
    for (let i = 0; i < 40; i++) seen.add((await attributesOf(script)).selectedOption);
    expect([...seen].every((option) => ['Option A', 'Option B', 'Option C'].includes(String(option)))).toBe(true);
    expect(seen.size).toBeGreaterThan(1);
  });

  it('captures console output, capped in lines and length', async () => {
    const result = await run("console.log('hi', 1, { a: [1] }, null); console.warn('careful'); console.error(new Error('x').message); console.info(undefined);");
    expect(result).toMatchObject({ ok: true, logs: ['hi 1 {"a":[1]} null', '[warn] careful', '[error] x', 'undefined'] });
    const capped = new SandboxPool({ size: 1, isolates: { maxLogLines: 3, maxLogLineLength: 10 } });
    try {
      const flood = await run("for (let i = 0; i < 50; i++) console.log('line ' + i + ' ' + 'x'.repeat(20));", {}, capped);
      expect(flood).toMatchObject({ ok: true, logs: ['line 0 xxx…', 'line 1 xxx…', 'line 2 xxx…', '… 47 more log lines dropped'] });
    } finally {
      await capped.dispose();
    }
  });

  it('may return early and await', async () => {
    expect(await attributesOf("attributeApi.set('a', 1); if (true) return; attributeApi.set('b', 2);")).toEqual({ a: 1 });
    expect(await attributesOf("const v = await Promise.resolve(7); attributeApi.set('v', v);")).toEqual({ v: 7 });
  });

  it('reports thrown errors and syntax errors with their line in the script', async () => {
    expect(await errorOf("const a = 1;\nnull.x;")).toEqual({ code: 'script-error', message: expect.stringMatching(/^TypeError: .*null.* \(line 2, column \d+\)$/) });
    expect(await errorOf('const a = 1;\nconst = 2;')).toEqual({ code: 'script-error', message: expect.stringMatching(/^SyntaxError: .* \(line 2, column \d+\)$/) });
    expect(await errorOf("throw new RangeError('too big')")).toEqual({ code: 'script-error', message: 'RangeError: too big (line 1, column 7)' });
    expect(await errorOf('throw 42')).toEqual({ code: 'script-error', message: 'Uncaught 42' });
    expect(await errorOf("await Promise.reject(new Error('async'))")).toMatchObject({ code: 'script-error', message: expect.stringContaining('Error: async') });
    expect(await errorOf('await new Promise(() => {})', {}, pool, { timeoutMs: 200, memoryMb: 32 })).toMatchObject({ code: 'timeout' });
  });

  it('refuses input outside the limits as invalid-value', async () => {
    expect(await errorOf('x'.repeat(20_001))).toMatchObject({ code: 'invalid-value' });
    expect(await errorOf('1', {}, pool, { timeoutMs: 10_000, memoryMb: 32 })).toMatchObject({ code: 'invalid-value' });
  });
});

describe('the pool', () => {
  it('gives every run a fresh context: globals and built-in changes do not leak to the next run', async () => {
    const before = single.stats();
    expect((await run("globalThis.leak = 'secret'; Object.prototype.polluted = 'yes'; Array.prototype.push = null; JSON.parse = null;", {}, single)).ok).toBe(true);
    const result = await run("attributeApi.set('seen', [typeof leak, ({}).polluted === undefined, typeof [].push, typeof JSON.parse]);", {}, single);
    expect(result).toMatchObject({ ok: true, attributes: { seen: ['undefined', true, 'function', 'function'] } });
    expect(single.stats()).toMatchObject({ isolatesCreated: before.isolatesCreated, processesStarted: before.processesStarted });
  });

  it('compiles identical scripts once per isolate', async () => {
    const before = single.stats().scriptsCompiled;
    for (let i = 0; i < 5; i++) await run("attributeApi.set('n', 'cached')", {}, single);
    await run("attributeApi.set('n', 'other')", {}, single);
    expect(single.stats().scriptsCompiled - before).toBe(2);
  });

  it('queues runs beyond its size and runs them all, in order', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => run(`attributeApi.set('i', ${i})`, {}, single)));
    expect(results.map((result) => result.ok && result.attributes['i'])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('serves runs with another memory limit by re-creating the idle isolate', async () => {
    const before = single.stats();
    expect((await run("attributeApi.set('a', 1)", {}, single, { timeoutMs: 1_000, memoryMb: 8 })).ok).toBe(true);
    expect((await run("attributeApi.set('a', 1)", {}, single, { timeoutMs: 1_000, memoryMb: 8 })).ok).toBe(true);
    expect((await run("attributeApi.set('a', 1)", {}, single)).ok).toBe(true);
    expect(single.stats().isolatesCreated - before.isolatesCreated).toBe(2);
  });

  it('gives the sandbox processes none of the worker’s environment (no database URL, no secrets)', async () => {
    const secrets = { DATABASE_URL: 'postgres://parley:hunter2@db/parley', PARLEY_SECRET_KEY: 'k'.repeat(32), REDIS_URL: 'redis://:hunter2@redis:6379' };
    const before = { ...process.env };
    Object.assign(process.env, secrets);
    const withSecrets = new SandboxPool({ size: 1, log: () => undefined });
    for (const name of Object.keys(secrets)) if (!(name in before)) delete process.env[name];
    Object.assign(process.env, before);
    try {
      await withSecrets.whenReady();
      const pids = [...pool.processIds(), ...withSecrets.processIds()];
      expect(pids).toHaveLength(3);
      if (!existsSync(`/proc/${pids[0]}/environ`)) return;
      for (const pid of pids) {
        const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
        const names = environ.split('\0').map((entry) => entry.split('=')[0]);
        // The IPC channel adds its NODE_CHANNEL_* variables; MALLOC_ARENA_MAX is the pool's own.
        const unexpected = names.filter(
          (name = '') => name !== '' && !name.startsWith('NODE_CHANNEL_') && !['PATH', 'HOME', 'TMPDIR', 'TZ', 'LANG', 'NODE_ENV', 'MALLOC_ARENA_MAX'].includes(name),
        );
        expect(unexpected).toEqual([]);
        expect(environ).not.toContain('hunter2');
      }
    } finally {
      await withSecrets.dispose();
    }
  });

  it('runs the sandbox processes without network where the machine allows it: a network namespace of their own, with no interface up', async () => {
    const network = pool.stats().network;
    if (network.mechanism !== 'netns') {
      // Only where unprivileged user namespaces are off; the pool says why in its log.
      expect(network.reason.length).toBeGreaterThan(10);
      return;
    }
    const pids = pool.processIds();
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) {
      expect(readlinkSync(`/proc/${pid}/ns/net`)).not.toBe(readlinkSync('/proc/self/ns/net'));
      // Only the loopback interface exists there, and it is down: nothing can be reached.
      const interfaces = readFileSync(`/proc/${pid}/net/dev`, 'utf8').split('\n').slice(2).filter((line) => line.trim() !== '').map((line) => line.split(':')[0]?.trim());
      expect(interfaces).toEqual(['lo']);
    }
    // Scripts run as before.
    expect((await run("attributeApi.set('n', 1)", {})).ok).toBe(true);
  });

  it('shares the worker\'s network when told to (isolateNetwork: off)', async () => {
    const shared = new SandboxPool({ size: 1, isolateNetwork: 'off', log: () => undefined });
    try {
      await shared.whenReady();
      expect(shared.stats().network).toMatchObject({ mechanism: 'none' });
      const [pid] = shared.processIds();
      if (pid !== undefined && existsSync(`/proc/${pid}/ns/net`)) expect(readlinkSync(`/proc/${pid}/ns/net`)).toBe(readlinkSync('/proc/self/ns/net'));
    } finally {
      await shared.dispose();
    }
  });

  it('refuses runs with SandboxUnavailableError once disposed, and when the queue wait is too long', async () => {
    const busy = new SandboxPool({ size: 1, queueTimeoutMs: 100 });
    try {
      await busy.whenReady();
      const looping = run('while (true) {}', {}, busy, { timeoutMs: 500, memoryMb: 32 });
      await expect(run('1', {}, busy)).rejects.toBeInstanceOf(SandboxUnavailableError);
      expect(await looping).toMatchObject({ ok: false, error: { code: 'timeout' } });
      const inFlight = run('while (true) {}', {}, busy, { timeoutMs: 2_000, memoryMb: 32 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await busy.dispose();
      await expect(inFlight).rejects.toBeInstanceOf(SandboxUnavailableError);
      await expect(run('1', {}, busy)).rejects.toBeInstanceOf(SandboxUnavailableError);
      expect(busy.stats().processes).toBe(0);
    } finally {
      await busy.dispose();
    }
  });
});
