import type { RetryOptions } from './http-request-spec';

/**
 * The wait before retry number `retry` (1-based): uniform in [d/2, d) where
 * d = min(baseDelayMs · 2^(retry-1), maxDelayMs). `random` returns [0, 1).
 */
export function backoffDelay(options: RetryOptions, retry: number, random: () => number): number {
  const ceiling = Math.min(options.baseDelayMs * 2 ** (retry - 1), options.maxDelayMs);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
