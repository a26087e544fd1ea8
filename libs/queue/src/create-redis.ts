import { Redis } from 'ioredis';

/**
 * An ioredis connection suitable for BullMQ: `maxRetriesPerRequest: null` is
 * required by BullMQ workers (blocking commands must wait out reconnects).
 */
export function createRedis(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
}
