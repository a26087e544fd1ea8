import { describe, expect, it } from 'vitest';
import { sandboxPoolOptionsSchema } from './sandbox-pool-options-schema';

describe('sandboxPoolOptionsSchema', () => {
  it('derives the process memory defaults from the largest isolate heap (64 MiB)', () => {
    expect(sandboxPoolOptionsSchema.parse({})).toMatchObject({ processMemoryMb: 512, addressSpaceReserveMb: 2_560, recycleAboveMb: 256 });
  });

  it('refuses a recycle budget at or above the process ceiling, and ceilings too small to start Node', () => {
    expect(sandboxPoolOptionsSchema.safeParse({ processMemoryMb: 256, recycleAboveMb: 256 }).success).toBe(false);
    expect(sandboxPoolOptionsSchema.safeParse({ processMemoryMb: 256, recycleAboveMb: 200 }).success).toBe(true);
    expect(sandboxPoolOptionsSchema.safeParse({ processMemoryMb: 64 }).success).toBe(false);
    expect(sandboxPoolOptionsSchema.safeParse({ addressSpaceReserveMb: 512 }).success).toBe(false);
    expect(sandboxPoolOptionsSchema.safeParse({ cgroupDir: '' }).success).toBe(false);
    expect(sandboxPoolOptionsSchema.safeParse({ log: 'stderr' }).success).toBe(false);
  });
});
