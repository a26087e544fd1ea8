import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { createChannelCache, createGroupCommit, createOutboxBatcher, type Db, type GroupCommit } from '@parley/db';
import {
  acquireWorkspaceSlot,
  createBulkLaneGate,
  type BulkLaneGate,
  callJobSchema,
  createRedis,
  enqueueCallResult,
  enqueueInboundBatch,
  expiryWakeUpKind,
  inboundQueueJobSchema,
  inboxJobsOf,
  type InboundLane,
  jobBackoffStrategy,
  outboundJobSchema,
  queueNames,
  releaseWorkspaceSlot,
  timerJobSchema,
  type Queues,
} from '@parley/queue';
import {
  defaultTimerHorizonMs,
  deliverOutbound,
  dispatchTurnEffects,
  expiryWakeUpPrecheck,
  FlowCache,
  processCall,
  reconcile,
  runTurn,
  runTurns,
  type DeliverySettings,
  type EgressPolicies,
  type Effects,
  type RunnerContext,
  type TurnSource,
} from '@parley/runner';
import { defaultSourceAddress } from '@parley/http';
import { SandboxPool } from '@parley/sandbox';

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
  /**
   * BullMQ job lock of this process's jobs, renewed every half of it while a job
   * runs; a job of a crashed process is taken up again by another once its lock
   * expired and a stalled-job check (every `stalledIntervalMs`) saw it. Default
   * 30 s each: a worker killed mid-job delays that job (and its contact) by up
   * to about a minute. Lower both for faster takeover, at the cost of more Redis
   * traffic and of false "stalled" verdicts when the event loop blocks longer
   * than the lock.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Outbound delivery lease, attempts and burst size (see DeliverySettings). */
  delivery?: Partial<DeliverySettings>;
  /**
   * Most contacts whose turns share one transaction (runTurns); default 100.
   * 1 runs every job in its own transaction. Unused with a batching window.
   */
  turnBatchSize?: number;
  /** Messages of one contact arriving within this many ms become one turn; default 0 (off). */
  inboxBatchWindowMs?: number;
  /** Sandbox processes running Code element scripts (each with one warm isolate); default 2. */
  sandboxPoolSize?: number;
  /** Memory bounds of the sandbox processes (SandboxPool's processMemoryMb, addressSpaceReserveMb, recycleAboveMb, cgroupDir). */
  sandboxMemory?: { processMemoryMb?: number; addressSpaceReserveMb?: number; recycleAboveMb?: number; cgroupDir?: string };
  /** Calls (HTTP, Code, database calls) this process runs at once, outside any turn; default 256. */
  callConcurrency?: number;
  /** Calls of one workspace in flight at once across all workers; default 100. */
  workspaceCallLimit?: number;
  /** Active sessions per workspace without a limit of its own (RunnerContext.maxSessionsPerWorkspace); default 0: none. */
  maxSessionsPerWorkspace?: number;
  /** Timers and expiries get a Redis job only once due within this many ms; default 10 min (RunnerContext.timerHorizonMs). */
  timerHorizonMs?: number;
  /** The operator's egress policies (RunnerContext.egress); default: public addresses only. */
  egress?: EgressPolicies;
  /** Bulk-lane turns started per second while another workspace talks (createBulkLaneGate); default 50. */
  bulkLaneRate?: number;
  /** How long a workspace counts as talking after its last ordinary-pace turn (createBulkLaneGate); default 10 s. */
  bulkLaneContendedMs?: number;
};

export type RunningWorkers = { close: () => Promise<void> };

/**
 * Starts the inbound, timer and outbound processors (one BullMQ Worker each)
 * plus the periodic reconciler. `close()` stops taking new jobs and waits for
 * the in-flight ones to finish (graceful shutdown).
 */
export async function startWorkers(options: WorkerOptions): Promise<RunningWorkers> {
  const sandbox = new SandboxPool({
    size: options.sandboxPoolSize ?? 2,
    ...options.sandboxMemory,
    log: (line: string) => options.logger.warn(line),
  });
  const ctx: RunnerContext = {
    db: options.db,
    logger: options.logger,
    secretKey: options.secretKey,
    flows: new FlowCache(),
    channels: createChannelCache(options.secretKey),
    egress: options.egress ?? {},
    outbox: createOutboxBatcher(options.db),
    clock: () => Date.now(),
    random: Math.random,
    redis: { connection: options.queues.connection, prefix: options.prefix },
    rateLimit: { redis: options.queues.connection, keyPrefix: options.prefix, sourceAddress: defaultSourceAddress() },
    sandbox,
    ...(options.delivery ? { delivery: options.delivery } : {}),
    ...(options.inboxBatchWindowMs ? { inboxBatchWindowMs: options.inboxBatchWindowMs } : {}),
    ...(options.maxSessionsPerWorkspace ? { maxSessionsPerWorkspace: options.maxSessionsPerWorkspace } : {}),
    ...(options.timerHorizonMs ? { timerHorizonMs: options.timerHorizonMs } : {}),
  };
  const base = {
    prefix: options.prefix,
    settings: { backoffStrategy: jobBackoffStrategy },
    ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
    ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
  };

  // One turn pipeline for every source (runTurns). Group commit: while a batch runs, jobs
  // arriving meanwhile wait and share the next one (one batch at a time per lane: measured,
  // more in flight gave smaller batches and more CPU per reply). A contact whose lock is busy
  // (null), or every job of a batch that failed, runs alone, waiting for its lock.
  // Two lanes (createInboundLanes), each with its own batches: the bulk lane carries the
  // messages of workspaces sending faster than their share, so everyone else's turns (and
  // every timer) never wait behind a batch of theirs.
  const turnBatchSize = options.inboxBatchWindowMs ? 1 : (options.turnBatchSize ?? 100);
  // While another workspace talks at an ordinary pace, floods start their turns at their share:
  // the gate is asked as each bulk turn batch forms, so a workspace that starts talking meets
  // at most the one bulk batch already running.
  const bulkGate = createBulkLaneGate({
    ratePerSecond: options.bulkLaneRate ?? 50,
    ...(options.bulkLaneContendedMs !== undefined ? { contendedForMs: options.bulkLaneContendedMs } : {}),
  });
  const runBatch =
    turnBatchSize > 1
      ? (sources: TurnSource[]) => runTurns(ctx, sources, { waitForLocks: false, leaseReplies: true })
      : // A batching window: each turn alone (it may be deferred), as many at once as jobs run.
        (sources: TurnSource[]) => Promise.all(sources.map((source) => runTurn(ctx, source, { leaseReplies: true })));
  const batchesOf = (admit?: BulkLaneGate['admit']): GroupCommit<TurnSource, Effects | null> =>
    createGroupCommit(runBatch, async () => null, {
      maxBatch: turnBatchSize,
      maxInFlight: turnBatchSize > 1 ? 1 : Number.POSITIVE_INFINITY,
      ...(admit ? { admit } : {}),
    });
  const lanes = { main: batchesOf(), bulk: batchesOf(bulkGate.admit) };
  // Every turn here stores its contact's first reply already claimed (leaseReplies): the
  // effects are always dispatched with dispatchTurnEffects, which sends it without a claim.
  const turnOf = async (source: TurnSource, lane: InboundLane): Promise<Effects> =>
    (await lanes[lane].run(source)) ?? (await runTurn(ctx, source, { leaseReplies: true }));
  const inboxProcessor =
    (lane: InboundLane) =>
    async (job: Job, token?: string): Promise<void> => {
      const jobs = inboxJobsOf(inboundQueueJobSchema.parse(job.data));
      for (const each of jobs) (lane === 'main' ? bulkGate.noteMainWork : bulkGate.noteBulkWork)(each.workspaceId);
      // Each contact of a batch job runs as its own inbox job would, its effects dispatched as
      // soon as its turn committed; when one contact's turn fails, the job fails after the
      // others are done, and its retry finds their inboxes drained.
      const single = jobs.length === 1;
      const outcomes = await Promise.allSettled(
        jobs.map(async (each) => {
          const effects = await turnOf({ kind: 'inbox', job: each }, lane);
          // Also while messages wait for the batching window: a call result applied meanwhile may have replied.
          await dispatchTurnEffects(ctx, options.queues, each, effects);
          if (effects.deferUntil === undefined) return;
          // Batching window: the contact may still be typing; look again when it has passed.
          if (single) return effects.deferUntil;
          await enqueueInboundBatch(options.queues, [{ job: each, messageId: `${each.channelId}/${each.contact}` }], lane, Math.max(effects.deferUntil - Date.now(), 10));
        }),
      );
      const [first] = outcomes;
      if (single && first?.status === 'fulfilled' && typeof first.value === 'number') {
        await job.moveToDelayed(Math.max(first.value, Date.now() + 10), token);
        throw new DelayedError();
      }
      const failed = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    };
  const inbound = new Worker(queueNames.inbound, inboxProcessor('main'), { ...base, connection: createRedis(options.redisUrl), concurrency: options.concurrency });
  const inboundBulk = new Worker(queueNames.inboundBulk, inboxProcessor('bulk'), { ...base, connection: createRedis(options.redisUrl), concurrency: options.concurrency });

  const timers = new Worker(
    queueNames.timers,
    async (job, token) => {
      const data = timerJobSchema.parse(job.data);
      // An expiry wake-up first looks without a lock: most find their session's expiry moved on.
      const effects = (data.kind === expiryWakeUpKind ? await expiryWakeUpPrecheck(ctx, data) : null) ?? (await turnOf({ kind: 'timer', job: data }, 'main'));
      // Dispatched even when the wake-up waits on: its contact's other sources in the same
      // batch (a message) may have produced replies, which ride on these effects.
      await dispatchTurnEffects(ctx, options.queues, data, effects);
      // A session's expiry wake-up that came before its (moved) expiry: wait until then, unless
      // that is beyond the horizon: then the job ends, and the reconciler queues a new one in time.
      if (effects.deferUntil !== undefined && effects.deferUntil <= Date.now() + (ctx.timerHorizonMs ?? defaultTimerHorizonMs)) {
        await job.moveToDelayed(Math.max(effects.deferUntil, Date.now() + 10), token);
        throw new DelayedError();
      }
    },
    { ...base, connection: createRedis(options.redisUrl), concurrency: options.concurrency },
  );

  // Calls run here, never under a contact's lock (those that leave the process, HTTP and Code,
  // with no transaction open either); each workspace holds at most `workspaceCallLimit` of them at once
  // (across workers), so one workspace's slow partner cannot take every slot: its
  // surplus jobs wait (delayed, no attempt used) while other workspaces' calls run.
  const workspaceCallLimit = options.workspaceCallLimit ?? 100;
  const calls = new Worker(
    queueNames.calls,
    async (job, token) => {
      const data = callJobSchema.parse(job.data);
      const slot = { prefix: options.prefix, kind: 'calls', workspaceId: data.workspaceId, holder: data.callId, limit: workspaceCallLimit, leaseMs: 10 * 60_000 };
      if (!(await acquireWorkspaceSlot(options.queues.connection, slot, Date.now()))) {
        await job.moveToDelayed(Date.now() + 200 + Math.floor(Math.random() * 200), token);
        throw new DelayedError();
      }
      try {
        const { resume } = await processCall(ctx, data);
        if (resume) await enqueueCallResult(options.queues, { ...resume, workspaceId: data.workspaceId });
      } finally {
        await releaseWorkspaceSlot(options.queues.connection, slot);
      }
    },
    { ...base, connection: createRedis(options.redisUrl), concurrency: options.callConcurrency ?? 256 },
  );

  const outbound = new Worker(
    queueNames.outbound,
    async (job, token) => {
      const data = outboundJobSchema.parse(job.data);
      const result = await deliverOutbound(ctx, data);
      if (result.kind === 'waiting') {
        // An earlier reply of the contact is in flight or backing off: wait, without using an attempt.
        await job.moveToDelayed(Math.max(result.until, Date.now() + 10), token);
        throw new DelayedError();
      }
      // Already marked failed in Postgres; failing the job keeps it visible among failed jobs.
      if (result.kind === 'permanent-failure') throw new UnrecoverableError(result.error);
    },
    { ...base, connection: createRedis(options.redisUrl), concurrency: options.outboundConcurrency },
  );
  // A failed outbound job is a delivery that failed permanently (already marked in Postgres) or an
  // infrastructure error; the message itself stays pending then, and the reconciler queues it again.
  outbound.on('failed', (job, error) => {
    if (!job) return;
    const attemptsLeft = (job.opts.attempts ?? 1) - job.attemptsMade;
    options.logger.warn({ messageId: job.data.messageId, attemptsLeft, err: error.message }, 'delivery job failed');
  });
  for (const worker of [inbound, inboundBulk, timers, calls]) {
    worker.on('failed', (job, error) => options.logger.warn({ queue: worker.name, jobId: job?.id, err: error.message }, 'job failed'));
  }
  for (const worker of [inbound, inboundBulk, timers, calls, outbound]) {
    worker.on('error', (error) => options.logger.error({ queue: worker.name, err: error.message }, 'worker error'));
  }

  // Timers due before this already have their jobs (see ReconcileOptions.horizon).
  const horizon = { coveredUntil: 0 };
  const reconciler = createReconcileLoop(async (full) => {
    const counts = await reconcile(ctx, options.queues, { full, horizon });
    if (counts.recreated > 0 || counts.full) options.logger.info(counts, 'reconciled work from Postgres');
  }, options.logger);
  await reconciler.run(true);
  const interval = options.reconcileIntervalMs > 0 ? setInterval(() => void reconciler.run(false), options.reconcileIntervalMs) : undefined;
  // Redis came back after a disconnect: it may have restarted empty (nothing on disk), so re-create
  // every job at once instead of waiting for the next interval.
  let disconnected = false;
  const onClose = (): void => {
    disconnected = true;
  };
  const onReady = (): void => {
    if (!disconnected) return;
    disconnected = false;
    options.logger.warn('Redis connection ready again: reconciling every job from Postgres');
    void reconciler.run(true);
  };
  options.queues.connection.on('close', onClose);
  options.queues.connection.on('ready', onReady);

  return {
    close: async () => {
      if (interval) clearInterval(interval);
      options.queues.connection.off('close', onClose);
      options.queues.connection.off('ready', onReady);
      await reconciler.stop();
      await Promise.all([inbound.close(), inboundBulk.close(), timers.close(), calls.close(), outbound.close()]);
      await sandbox.dispose();
    },
  };
}

/**
 * Runs the reconciler one at a time: a run asked for while one is going happens
 * right after it (full if any request was full), and a full run that failed
 * (Postgres or Redis down) makes the next run full as well.
 */
function createReconcileLoop(
  runOnce: (full: boolean) => Promise<void>,
  logger: Logger,
): { run: (full: boolean) => Promise<void>; stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let queued: { full: boolean } | null = null;
  let owedFull = false;
  let stopped = false;
  const loop = async (full: boolean): Promise<void> => {
    let next: boolean | null = full;
    while (next !== null && !stopped) {
      const wantFull = next || owedFull;
      try {
        await runOnce(wantFull);
        if (wantFull) owedFull = false;
      } catch (error) {
        if (wantFull) owedFull = true;
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'reconcile failed');
      }
      next = queued ? queued.full : null;
      queued = null;
    }
  };
  return {
    run: async (full) => {
      if (running) {
        queued = { full: full || (queued?.full ?? false) };
        return running;
      }
      running = loop(full).finally(() => {
        running = null;
      });
      return running;
    },
    /** No further runs; resolves when the one going (if any) has ended. */
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
