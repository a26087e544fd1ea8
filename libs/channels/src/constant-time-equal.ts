import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two strings without leaking, through timing, how much of them
 * matches or how long the expected one is: both are hashed to 32 bytes first,
 * then compared with `timingSafeEqual`. For shared tokens and hex signatures.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
