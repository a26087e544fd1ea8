import { Redis } from 'ioredis';

/**
 * An ioredis connection suitable for BullMQ workers: `maxRetriesPerRequest: null`
 * is required by BullMQ workers (blocking commands must wait out reconnects).
 */
export function createRedis(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
}

/**
 * An ioredis connection for producers (adding jobs, publishing, health checks)
 * that fails fast while Redis is unreachable: a command waits for at most two
 * reconnect attempts (a few hundred ms) and then throws, so a webhook answers 503
 * and the channel retries, instead of holding the request open until Redis is back.
 */
export function createProducerRedis(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false, enableAutoPipelining: true });
}
