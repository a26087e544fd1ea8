import { describe, expect, it } from 'vitest';
import { jobBackoffStrategy, maxJobBackoffMs } from './job-backoff';

describe('jobBackoffStrategy', () => {
  it('doubles from the job’s delay and never waits more than 10 s', () => {
    const job = { opts: { backoff: { type: 'parley-capped-exponential', delay: 500 } } };
    const delays = Array.from({ length: 8 }, (_, i) => jobBackoffStrategy(i + 1, undefined, undefined, job));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    expect(maxJobBackoffMs).toBe(10_000);
  });

  it('starts at 1 s when the job names no delay', () => {
    expect(jobBackoffStrategy(1)).toBe(1000);
    expect(jobBackoffStrategy(3)).toBe(4000);
  });
});
