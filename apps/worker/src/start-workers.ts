import { UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { markOutboundFailed, type Db } from '@parley/db';
import {
  createRedis,
  inboundJobSchema,
  outboundJobSchema,
  queueNames,
  timerJobSchema,
  type Queues,
} from '@parley/queue';
import {
  deliverOutbound,
  dispatchEffects,
  FlowCache,
  processInbox,
  processTimer,
  reconcile,
  type RunnerContext,
} from '@parley/runner';

export type WorkerOptions = {
  db: Db;
  queues: Queues;
  redisUrl: string;
  prefix: string;
  secretKey: string;
  logger: Logger;
  concurrency: number;
  outboundConcurrency: number;
  reconcileIntervalMs: number;
};

export type RunningWorkers = { close: () => Promise<void> };

/**
 * Starts the inbound, timer and outbound processors (one BullMQ Worker each)
 * plus the periodic reconciler. `close()` stops taking new jobs and waits for
 * the in-flight ones to finish (graceful shutdown).
 */
export async function startWorkers(options: WorkerOptions): Promise<RunningWorkers> {
  const ctx: RunnerContext = {
    db: options.db,
    logger: options.logger,
    secretKey: options.secretKey,
    flows: new FlowCache(),
    clock: () => Date.now(),
    random: Math.random,
  };
  const base = { prefix: options.prefix };

  const inbound = new Worker(
    queueNames.inbound,
    async (job) => {
      const data = inboundJobSchema.parse(job.data);
      const effects = await processInbox(ctx, data);
      await dispatchEffects(options.queues, effects, ctx.clock());
    },
    { ...base, connection: createRedis(options.redisUrl), concurrency: options.concurrency },
  );

  const timers = new Worker(
    queueNames.timers,
    async (job) => {
      const data = timerJobSchema.parse(job.data);
      const effects = await processTimer(ctx, data);
      await dispatchEffects(options.queues, effects, ctx.clock());
    },
    { ...base, connection: createRedis(options.redisUrl), concurrency: options.concurrency },
  );

  const outbound = new Worker(
    queueNames.outbound,
    async (job) => {
      const data = outboundJobSchema.parse(job.data);
      const result = await deliverOutbound(ctx, data);
      if (result.kind === 'permanent-failure') {
        await markOutboundFailed(options.db, data.messageId, result.error);
        throw new UnrecoverableError(result.error);
      }
    },
    { ...base, connection: createRedis(options.redisUrl), concurrency: options.outboundConcurrency },
  );
  outbound.on('failed', (job, error) => {
    if (!job) return;
    const attemptsLeft = (job.opts.attempts ?? 1) - job.attemptsMade;
    options.logger.warn({ messageId: job.data.messageId, attemptsLeft, err: error.message }, 'delivery failed');
    if (attemptsLeft <= 0) void markOutboundFailed(options.db, job.data.messageId, error.message).catch(() => undefined);
  });
  for (const worker of [inbound, timers]) {
    worker.on('failed', (job, error) => options.logger.warn({ queue: worker.name, jobId: job?.id, err: error.message }, 'job failed'));
  }
  for (const worker of [inbound, timers, outbound]) {
    worker.on('error', (error) => options.logger.error({ queue: worker.name, err: error.message }, 'worker error'));
  }

  const runReconcile = async (): Promise<void> => {
    try {
      const counts = await reconcile(ctx, options.queues);
      if (counts.inbound + counts.outbound > 0) options.logger.info(counts, 'reconciled work from Postgres');
    } catch (error) {
      options.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'reconcile failed');
    }
  };
  await runReconcile();
  const interval = options.reconcileIntervalMs > 0 ? setInterval(() => void runReconcile(), options.reconcileIntervalMs) : undefined;

  return {
    close: async () => {
      if (interval) clearInterval(interval);
      await Promise.all([inbound.close(), timers.close(), outbound.close()]);
    },
  };
}
