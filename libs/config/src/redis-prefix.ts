import { z } from 'zod';

/**
 * REDIS_PREFIX: the namespace of every Redis key this deployment (or test run)
 * writes, so several can share one Redis. Letters, digits, `_`, `-`, `:`; 1–64.
 */
export function redisPrefix(defaultPrefix = 'parley') {
  return z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,64}$/, { error: "must be 1–64 letters, digits, '_', '-' or ':'" })
    .default(defaultPrefix);
}
