import { z } from 'zod';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** REDIS_URL: a `redis://` (or TLS `rediss://`) URL; defaults to the local Redis. */
export function redisUrl(defaultUrl: string = DEFAULT_REDIS_URL) {
  return z
    .string()
    .refine((value) => URL.canParse(value) && ['redis:', 'rediss:'].includes(new URL(value).protocol), {
      error: 'must be a redis:// or rediss:// URL',
    })
    .default(defaultUrl);
}
