import { describe, expect, it } from 'vitest';
import { guardProcessMemory } from './guard-process-memory';

const mb = 1_048_576;
const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('guardProcessMemory', () => {
  it('reports a run whose resident memory passes start + 2 × heap limit + headroom, once', async () => {
    let resident = 100 * mb;
    const seen: Array<[number, number]> = [];
    const guard = guardProcessMemory({ headroomMb: 64, intervalMs: 2, residentBytes: () => resident, onExceeded: (now, ceiling) => seen.push([now, ceiling]) });
    guard.start(32);
    resident = 228 * mb; // exactly the ceiling: 100 + 64 + 64
    await tick(15);
    expect(seen).toEqual([]);
    resident = 300 * mb;
    await tick(15);
    expect(seen).toEqual([[300, 228]]);
    await tick(15);
    expect(seen).toHaveLength(1);
  });

  it('stops watching when the run ends, and measures each run from its own start', async () => {
    let resident = 100 * mb;
    const seen: number[] = [];
    const guard = guardProcessMemory({ headroomMb: 0, intervalMs: 2, residentBytes: () => resident, onExceeded: (now) => seen.push(now) });
    guard.start(8);
    guard.stop();
    resident = 500 * mb;
    await tick(15);
    expect(seen).toEqual([]);
    guard.start(8); // pages kept from earlier runs raise the baseline, not the alarm
    resident = 510 * mb;
    await tick(15);
    expect(seen).toEqual([]);
    guard.stop();
  });
});
