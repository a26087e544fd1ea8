import { createLogger, exitOnConfigError, type Logger, loadConfig, ownServicePorts, warnIfDevSecretKey } from '@parley/config';
import { createDb, findAutovacuumGaps, sqlClientOf, type Db } from '@parley/db';
import { createQueues } from '@parley/queue';
import { startWorkers } from './start-workers';
import { workerConfigSchema } from './worker-config';

/** Worker process entry: validate config, start processors, drain on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = exitOnConfigError(() => loadConfig(workerConfigSchema));
  const logger = createLogger({ name: 'worker', level: config.LOG_LEVEL });
  warnIfDevSecretKey(config.PARLEY_SECRET_KEY, logger);
  // Custom plans: the turn pipeline's statements must use the tables' indexes however the
  // tables have grown since a statement was first prepared (see CreateDbOptions.planCacheMode).
  const db = createDb(config.DATABASE_URL, { maxConnections: config.DATABASE_POOL_SIZE, planCacheMode: 'force_custom_plan' });
  const queues = createQueues({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
  const workers = await startWorkers({
    db,
    queues,
    redisUrl: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    secretKey: config.PARLEY_SECRET_KEY,
    logger,
    concurrency: config.WORKER_CONCURRENCY,
    outboundConcurrency: config.OUTBOUND_CONCURRENCY,
    reconcileIntervalMs: config.RECONCILE_INTERVAL_MS,
    lockDurationMs: config.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: config.WORKER_STALLED_INTERVAL_MS,
    delivery: { leaseMs: config.DELIVERY_LEASE_MS, maxAttempts: config.DELIVERY_MAX_ATTEMPTS },
    sandboxPoolSize: config.SANDBOX_POOL_SIZE,
    sandboxMemory: {
      processMemoryMb: config.SANDBOX_PROCESS_MEMORY_MB,
      addressSpaceReserveMb: config.SANDBOX_ADDRESS_SPACE_RESERVE_MB,
      recycleAboveMb: config.SANDBOX_RECYCLE_ABOVE_MB,
      ...(config.SANDBOX_CGROUP_DIR ? { cgroupDir: config.SANDBOX_CGROUP_DIR } : {}),
    },
    callConcurrency: config.CALL_CONCURRENCY,
    workspaceCallLimit: config.WORKSPACE_CALL_LIMIT,
    bulkLaneRate: config.BULK_LANE_RATE,
    bulkLaneContendedMs: config.BULK_LANE_CONTENDED_MS,
    maxSessionsPerWorkspace: config.WORKSPACE_MAX_SESSIONS,
    timerHorizonMs: config.TIMER_HORIZON_MS,
    egress: {
      // Parley's own services stay out of bots' reach even on a host the operator allows.
      elements: { allow: config.ELEMENT_EGRESS_ALLOW, denyPorts: ownServicePorts({ databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL, apiPort: config.API_PORT, editorPort: config.EDITOR_PORT }) },
      channels: { allow: config.CHANNEL_EGRESS_ALLOW },
    },
    inboxBatchWindowMs: config.INBOX_BATCH_WINDOW_MS,
    turnBatchSize: config.TURN_BATCH_SIZE,
  });
  logger.info({ pid: process.pid, concurrency: config.WORKER_CONCURRENCY }, 'worker started');
  await warnIfAutovacuumOff(db, logger);

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight jobs, taking no new ones');
    await workers.close();
    await queues.close();
    await db.$disconnect();
    logger.info('worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void main();

/** Says at start-up when autovacuum does not keep Parley's tables analyzed (findAutovacuumGaps); never stops the worker. */
async function warnIfAutovacuumOff(db: Db, logger: Logger): Promise<void> {
  try {
    const gaps = await findAutovacuumGaps(sqlClientOf(db));
    if (gaps.serverOff || gaps.tablesOff.length > 0) {
      logger.warn(
        { autovacuum: gaps.serverOff ? 'off' : 'on', tablesWithAutovacuumOff: gaps.tablesOff },
        'autovacuum does not reach every table: without ANALYZE the planner works on default estimates and turns read more rows as tables grow; set autovacuum = on (the Postgres default), or run ANALYZE regularly (docs/operations.md, "Statistics")',
      );
    }
  } catch (error) {
    logger.warn({ err: (error as Error).message }, 'could not read the autovacuum settings');
  }
}
