import { z } from 'zod';
import { databaseUrl, logLevel, redisPrefix, redisUrl, secretKey } from '@parley/config';

/** Every environment variable the worker reads, validated once at start-up. */
export const workerConfigSchema = z.object({
  DATABASE_URL: databaseUrl(),
  REDIS_URL: redisUrl(),
  REDIS_PREFIX: redisPrefix(),
  PARLEY_SECRET_KEY: secretKey(),
  LOG_LEVEL: logLevel(),
  /** Inbox jobs processed at once by this process (different contacts run in parallel). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** Deliveries in flight at once by this process. */
  OUTBOUND_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(32),
  /** How often Postgres is scanned for work Redis lost (ms); 0 disables. */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;
