import { inject } from 'vitest';
import type { Flow } from '@parley/engine';
import { echoFlow } from '../../support/echo-flow';
import { startPlatform, type Platform } from '../../support/start-platform';

/**
 * Worker settings for quick recovery, as docs/operations.md describes them: a
 * killed worker's jobs are taken up after ~5 s (lock) + ≤2 s (stalled check)
 * instead of ~30–60 s, its delivery leases expire after 10 s, and the reconciler
 * scans every 2 s. The lease stays well above a loaded machine's longest pause:
 * a delivery whose lease expires while its request is still under way can be sent
 * twice (the receiver dedupes on webhook-id, but the tests count repeats).
 */
export const fastRecoveryEnv: Record<string, string> = {
  WORKER_LOCK_DURATION_MS: '5000',
  WORKER_STALLED_INTERVAL_MS: '2000',
  DELIVERY_LEASE_MS: '10000',
  RECONCILE_INTERVAL_MS: '2000',
};

/** A platform on the fault suite's database and Redis database, under its own key prefix. */
export async function startFaultPlatform(options: { name: string; apis: number; workers: number; flow?: Flow }): Promise<Platform> {
  return startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_${options.name}`,
    flow: options.flow ?? echoFlow,
    apis: options.apis,
    workers: options.workers,
    workerEnv: fastRecoveryEnv,
  });
}
