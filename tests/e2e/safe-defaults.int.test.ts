import { once } from 'node:events';
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../support/free-port';
import { spawnApp, waitUntilReady } from '../support/spawn-app';

/**
 * The public development secret key is used only where development mode is chosen
 * explicitly (NODE_ENV=development or test, as `npm start` and the tests do); anywhere
 * else the API and the worker refuse to start without a key of their own, naming the
 * variable, and refuse the development key itself.
 */
const base = () => ({ DATABASE_URL: inject('databaseUrl'), REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `${inject('redisPrefix')}_safe` });

async function exitOf(app: 'api' | 'worker', env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const started = spawnApp(app, { ...base(), ...env });
  const [code] = await once(started.child, 'exit');
  return { code: typeof code === 'number' ? code : null, output: started.output() };
}

describe('safe defaults', () => {
  it('refuses to start outside development without a secret key, or with the public development key', async () => {
    for (const app of ['api', 'worker'] as const) {
      const missing = await exitOf(app, { NODE_ENV: '', PARLEY_SECRET_KEY: '', API_PORT: String(await freePort()) });
      expect(missing.code, missing.output).not.toBe(0);
      expect(missing.output).toContain('PARLEY_SECRET_KEY: required outside development');

      const devKey = await exitOf(app, { NODE_ENV: 'production', PARLEY_SECRET_KEY: '0123456789abcdef'.repeat(4), API_PORT: String(await freePort()) });
      expect(devKey.code, devKey.output).not.toBe(0);
      expect(devKey.output).toContain('PARLEY_SECRET_KEY: must not be the public development value outside development');
      expect(devKey.output).not.toContain('0123456789abcdef0123');
    }
  }, 60_000);

  it('says loudly when the development key is in use (development mode chosen explicitly)', async () => {
    const port = await freePort();
    const api = spawnApp('api', { ...base(), NODE_ENV: 'test', PARLEY_SECRET_KEY: '', API_PORT: String(port) });
    try {
      await waitUntilReady(`http://127.0.0.1:${port}/healthz`, api);
      expect(api.output()).toContain('PARLEY_SECRET_KEY is the PUBLIC development key');
    } finally {
      await api.stop();
    }
  }, 60_000);
});
