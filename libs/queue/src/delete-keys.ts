import { Redis } from 'ioredis';

/**
 * Deletes every key matching `pattern` (e.g. `${prefix}:*` after a test run or a
 * benchmark) with SCAN + UNLINK, so Redis keeps serving other clients meanwhile.
 * Returns how many keys were deleted.
 */
export async function deleteKeys(redisUrl: string, pattern: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
