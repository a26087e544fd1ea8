import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { freePort } from '../../support/free-port';
import { spawnApp, waitUntilReady, type AppProcess } from '../../support/spawn-app';

export type RunningApi = { url: string; app: AppProcess };

/** A PARLEY_SECRET_KEY for one test file (processes that share sessions must share it). */
export function testSecretKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * One real API process (apps/api/src/main.ts, as `npm start` runs it) on this run's
 * Postgres and Redis, on a free port, ready (/readyz, or /healthz when `ready` is
 * 'live': for an API whose database is meant to be down). TRUST_PROXY=loopback, so a
 * test can act as any client address by sending X-Forwarded-For.
 */
export async function startApi(env: Record<string, string>, ready: 'ready' | 'live' = 'ready'): Promise<RunningApi> {
  const port = await freePort();
  const app = spawnApp('api', {
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: `${inject('redisPrefix')}_auth`,
    TRUST_PROXY: 'loopback',
    ...env,
    API_PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${url}/${ready === 'ready' ? 'readyz' : 'healthz'}`, app);
  return { url, app };
}
