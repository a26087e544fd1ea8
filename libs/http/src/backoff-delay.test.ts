import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay';

const options = { retries: 3, baseDelayMs: 200, maxDelayMs: 5_000 };

describe('backoffDelay', () => {
  it('doubles per retry, jittered within [d/2, d)', () => {
    expect([1, 2, 3].map((retry) => backoffDelay(options, retry, () => 0))).toEqual([100, 200, 400]);
    expect([1, 2, 3].map((retry) => backoffDelay(options, retry, () => 0.999_999))).toEqual([199, 399, 799]);
  });

  it('never exceeds maxDelayMs', () => {
    expect(backoffDelay({ ...options, maxDelayMs: 300 }, 3, () => 0.999_999)).toBeLessThan(300);
  });

  it('is zero when the base is zero', () => {
    expect(backoffDelay({ ...options, baseDelayMs: 0 }, 2, () => 0.5)).toBe(0);
  });
});
