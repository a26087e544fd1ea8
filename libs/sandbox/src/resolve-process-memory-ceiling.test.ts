import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveProcessMemoryCeiling } from './resolve-process-memory-ceiling';

const canRlimit = process.platform === 'linux' && existsSync('/bin/sh');
const scratch = mkdtempSync(join(tmpdir(), 'parley-ceiling-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('resolveProcessMemoryCeiling', () => {
  it.skipIf(!canRlimit)('uses RLIMIT_AS of the reserve plus the budget when no cgroup is named (Linux)', () => {
    expect(resolveProcessMemoryCeiling({ processMemoryMb: 512, addressSpaceReserveMb: 2_560 })).toEqual({ mechanism: 'rlimit-as', limitMb: 3_072 });
  });

  it.skipIf(!canRlimit)('falls back to RLIMIT_AS, saying why, when the named cgroup directory is not usable', () => {
    const notCgroup = resolveProcessMemoryCeiling({ processMemoryMb: 256, addressSpaceReserveMb: 2_048, cgroupDir: scratch });
    expect(notCgroup).toEqual({ mechanism: 'rlimit-as', limitMb: 2_304, note: `cgroupDir ${scratch} is not usable: neither a cgroup v2 directory nor a cgroup v1 memory directory` });

    // A cgroup v2 directory whose children get no memory controller.
    writeFileSync(join(scratch, 'cgroup.controllers'), 'cpu io memory pids\n');
    writeFileSync(join(scratch, 'cgroup.subtree_control'), 'cpu\n');
    expect(resolveProcessMemoryCeiling({ processMemoryMb: 256, addressSpaceReserveMb: 2_048, cgroupDir: scratch })).toMatchObject({
      mechanism: 'rlimit-as',
      note: expect.stringContaining('the memory controller is not in its cgroup.subtree_control'),
    });

    // Looks like one, but a child directory is no cgroup (a plain directory, not cgroupfs).
    writeFileSync(join(scratch, 'cgroup.subtree_control'), 'cpu memory\n');
    expect(resolveProcessMemoryCeiling({ processMemoryMb: 256, addressSpaceReserveMb: 2_048, cgroupDir: scratch })).toMatchObject({
      mechanism: 'rlimit-as',
      note: expect.stringContaining('a child cgroup has no memory.max'),
    });
    expect(existsSync(join(scratch, `parley-sandbox-probe-${process.pid}`))).toBe(false);
  });

  it.skipIf(canRlimit)('reports no ceiling, with the reason, where RLIMIT_AS cannot be applied', () => {
    expect(resolveProcessMemoryCeiling({ processMemoryMb: 512, addressSpaceReserveMb: 2_560 })).toMatchObject({ mechanism: 'none', reason: expect.any(String) });
  });
});
