import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxPool } from './sandbox-pool';

/**
 * The sandbox processes' memory, seen from outside, the way an operator would: /proc of
 * the processes the pool reports. A cgroup is tried only where the environment names a
 * delegated one (SANDBOX_TEST_CGROUP_DIR); elsewhere the pool uses RLIMIT_AS.
 */
const cgroupDir = process.env['SANDBOX_TEST_CGROUP_DIR'];
const processMemoryMb = 512;
const log: string[] = [];
const pool = new SandboxPool({ size: 2, stderr: 'ignore', processMemoryMb, log: (line) => log.push(line), ...(cgroupDir ? { cgroupDir } : {}) });
beforeAll(() => pool.whenReady(), 60_000);
afterAll(() => pool.dispose());

const hasProc = existsSync('/proc/self/status');
const limits = { timeoutMs: 1_000, memoryMb: 32 };

/** A field of /proc/<pid>/status in MiB (VmRSS: resident memory), or undefined once the process is gone. */
function statusMb(pid: number, field: 'VmRSS' | 'VmSize'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1_024 : undefined;
  } catch {
    return undefined;
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!hasProc)('sandbox process memory', { timeout: 30_000 }, () => {
  it('puts every sandbox process under the kernel memory ceiling the pool reports, and logs it once', async (context) => {
    const ceiling = pool.stats().memoryCeiling;
    expect(log[0]).toMatch(/^sandbox: (each sandbox process is limited by the kernel to \d+ MB|WARNING: no kernel memory ceiling)/);
    if (ceiling.mechanism === 'none') return context.skip(`no kernel memory ceiling on this machine: ${ceiling.reason}`);
    for (const pid of pool.processIds()) {
      if (ceiling.mechanism === 'rlimit-as') {
        const line = readFileSync(`/proc/${pid}/limits`, 'utf8').split('\n').find((entry) => entry.startsWith('Max address space'));
        const bytes = String(ceiling.limitMb * 1_048_576);
        // Soft and hard limit: the sandbox process cannot raise it.
        expect(line?.split(/\s{2,}/).slice(1, 3)).toEqual([bytes, bytes]);
        expect(ceiling.limitMb).toBe(processMemoryMb + 2_560);
      } else {
        const own = readdirSync(ceiling.cgroupDir)
          .filter((name) => name.startsWith('parley-sandbox-'))
          .map((name) => join(ceiling.cgroupDir, name))
          .find((dir) => readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').includes(String(pid)));
        expect(own, `pid ${pid} in a child cgroup of ${ceiling.cgroupDir}`).toBeDefined();
        const limitFile = ceiling.mechanism === 'cgroup-v2' ? 'memory.max' : 'memory.limit_in_bytes';
        expect(readFileSync(join(own ?? '', limitFile), 'utf8').trim()).toBe(String(processMemoryMb * 1_048_576));
      }
    }
  });

  it('a script allocating far past its budget fails with a clear error, the sandbox memory returns under its ceiling, and another session’s script runs next', async () => {
    const bombs = [
      // V8 grows this array outside the heap limit for seconds before it aborts the process.
      'const a = []; a.length = 1e8; a.fill(1);',
      // 400 MB of string data in a 32 MB isolate: stopped while it is being built.
      "attributeApi.set('big', 'z'.repeat(200 * 1048576))",
    ];
    for (const code of bombs) {
      const before = pool.processIds();
      const started = performance.now();
      const result = await pool.runInSandbox({ code, attributes: { session: 'A' }, limits: { timeoutMs: 5_000, memoryMb: 32 } });
      expect(result, code).toMatchObject({
        ok: false,
        error: { code: 'memory', message: expect.stringMatching(/^The script used (far )?more than its 32 MB of memory/) },
      });
      expect(performance.now() - started).toBeLessThan(5_000);
      await pool.whenReady();
      const after = pool.processIds();
      expect(after).toHaveLength(2);
      expect(after).not.toEqual(before);
      for (const pid of after) expect(statusMb(pid, 'VmRSS'), `VmRSS of sandbox process ${pid}`).toBeLessThan(processMemoryMb);
      const next = await pool.runInSandbox({ code: "attributeApi.set('greeting', 'Hello ' + attributeApi.get('name'))", attributes: { name: 'B' }, limits });
      expect(next).toMatchObject({ ok: true, attributes: { greeting: 'Hello B' } });
    }
  });

  it('replaces a process that keeps more than recycleAboveMb after a run, once the run’s result is handed back', async () => {
    // The budget sits between an idle process (~75 MB here) and one that just held ~50 MB of live objects (~128 MB).
    const idleMb = Math.max(...pool.processIds().map((pid) => statusMb(pid, 'VmRSS') ?? 0));
    const lines: string[] = [];
    const recycling = new SandboxPool({ size: 1, recycleAboveMb: Math.max(64, Math.ceil(idleMb + 25)), log: (line) => lines.push(line) });
    try {
      await recycling.whenReady();
      const [first] = recycling.processIds();
      expect((await recycling.runInSandbox({ code: "attributeApi.set('n', 1)", attributes: {}, limits })).ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(recycling.stats()).toMatchObject({ processesRecycled: 0 });

      const heavy = "const a = []; for (let i = 0; i < 6e5; i++) a.push({ i, s: 'x' + i }); attributeApi.set('n', a.length)";
      const result = await recycling.runInSandbox({ code: heavy, attributes: {}, limits: { timeoutMs: 5_000, memoryMb: 64 } });
      expect(result).toMatchObject({ ok: true, attributes: { n: 600_000 } });
      await until(() => recycling.stats().processesRecycled === 1);
      await recycling.whenReady();
      const [second] = recycling.processIds();
      expect(second).not.toBe(first);
      expect(first === undefined ? undefined : statusMb(first, 'VmRSS')).toBeUndefined();
      expect(recycling.stats()).toMatchObject({ processesRecycled: 1, processesLost: 0 });
      expect(lines.some((line) => line.startsWith(`sandbox: replacing sandbox process ${first}: `))).toBe(true);
      expect(await recycling.runInSandbox({ code: "attributeApi.set('n', 2)", attributes: {}, limits })).toMatchObject({ ok: true, attributes: { n: 2 } });
    } finally {
      await recycling.dispose();
    }
  });
});
