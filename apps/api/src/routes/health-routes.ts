import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Db } from '@parley/db';
import { publicRoute } from './route-access';

export type HealthDeps = { db: Db; redis: Redis };

/**
 * /healthz: the process is up (no dependencies checked).
 * /readyz: Postgres and Redis both answer within 2 s; 503 names the ones that don't.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  app.get('/healthz', publicRoute('a liveness probe: says only that the process is up'), async () => ({ status: 'ok' }));
  app.get('/readyz', publicRoute('a readiness probe: says only whether Postgres and Redis answer'), async (_request, reply) => {
    const [postgres, redis] = await Promise.all([
      withTimeout(deps.db.$queryRawUnsafe('SELECT 1'), 2000),
      withTimeout(deps.redis.ping(), 2000),
    ]);
    const checks = { postgres: postgres ? 'ok' : 'unreachable', redis: redis ? 'ok' : 'unreachable' };
    const ready = postgres && redis;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });
}

async function withTimeout(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
