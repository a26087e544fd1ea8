import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createProducerRedis } from './create-redis';
import { jobBackoffType } from './job-backoff';
import type { InboundLane } from './inbound-lanes';
import { jobId } from './job-id';
import type { CallJob, InboundJob, InboundQueueJob, OutboundJob, TimerJob } from './job-schemas';
import { queueNames } from './queue-names';

export type QueueOptions = { redisUrl: string; prefix: string };

export type Queues = {
  /** The Redis key prefix every queue lives under. */
  prefix: string;
  inbound: Queue<InboundQueueJob>;
  /** The inbound queue's bulk lane (createInboundLanes). */
  inboundBulk: Queue<InboundQueueJob>;
  outbound: Queue<OutboundJob>;
  timers: Queue<TimerJob>;
  calls: Queue<CallJob>;
  connection: Redis;
  close: () => Promise<void>;
};

/**
 * Producers for every Parley queue on one shared, fail-fast connection
 * (`createProducerRedis`); all keys live under `prefix`.
 */
export function createQueues({ redisUrl, prefix }: QueueOptions): Queues {
  const connection = createProducerRedis(redisUrl);
  const common = { connection, prefix };
  const inbound = new Queue<InboundQueueJob>(queueNames.inbound, common);
  const inboundBulk = new Queue<InboundQueueJob>(queueNames.inboundBulk, common);
  const outbound = new Queue<OutboundJob>(queueNames.outbound, common);
  const timers = new Queue<TimerJob>(queueNames.timers, common);
  const calls = new Queue<CallJob>(queueNames.calls, common);
  return {
    prefix,
    inbound,
    inboundBulk,
    outbound,
    timers,
    calls,
    connection,
    close: async () => {
      await Promise.all([inbound.close(), inboundBulk.close(), outbound.close(), timers.close(), calls.close()]);
      await connection.quit().catch(() => undefined);
    },
  };
}

/**
 * Attempts of every job. A job fails on infrastructure errors (Postgres or Redis
 * unreachable), a stale session write (another turn committed first: the retry
 * re-reads) or a bug; delivery failures are counted on the message instead.
 * 15 attempts, exponential backoff capped at 10 s (`jobBackoffStrategy`),
 * ride out an outage of about 1.5–2 minutes while resuming within 10 s of its end;
 * past that the job is failed and the reconciler re-creates it from Postgres.
 */
const jobAttempts = 15;

/**
 * Ask a worker to drain a contact's inbox. The job id is the stored message id,
 * so re-enqueueing the same message (a sender's retry, the reconciler) does not
 * pile up jobs while the first one still exists. `lane`: which inbound queue
 * (createInboundLanes); the main one by default.
 */
export async function enqueueInbound(queues: Queues, job: InboundJob, messageId: string, lane: InboundLane = 'main'): Promise<void> {
  await (lane === 'bulk' ? queues.inboundBulk : queues.inbound).add('inbound', job, {
    jobId: jobId('in', messageId),
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
    attempts: jobAttempts,
    backoff: { type: jobBackoffType, delay: 500 },
  });
}

/**
 * Ask a worker for the turns of several contacts whose messages were stored together
 * (one API insert batch): one job instead of one per message, which spares the queue's
 * round trips and bookkeeping per message. `messages` in arrival order; a contact named
 * twice is asked for once; one message is `enqueueInbound`. The job id derives from the
 * first message's id; a message of the batch re-enqueued alone (a sender's retry, the
 * reconciler) gets its own job, which finds its inbox drained or drains it first
 * (turns are idempotent). `delayMs` > 0: the job runs that much later (the worker's
 * batching window: a contact still typing), under an id unique to that time.
 */
export async function enqueueInboundBatch(
  queues: Queues,
  messages: readonly { job: InboundJob; messageId: string }[],
  lane: InboundLane = 'main',
  delayMs = 0,
): Promise<void> {
  const [first] = messages;
  if (!first) return;
  if (messages.length === 1 && delayMs === 0) return enqueueInbound(queues, first.job, first.messageId, lane);
  const seen = new Set<string>();
  const contacts = messages
    .map(({ job }) => job)
    .filter(({ channelId, contact }) => !seen.has(`${channelId}\n${contact}`) && seen.add(`${channelId}\n${contact}`));
  await (lane === 'bulk' ? queues.inboundBulk : queues.inbound).add(
    'inbound-batch',
    { contacts },
    {
      jobId: jobId(delayMs > 0 ? `later-${Date.now() + delayMs}` : 'inb', first.messageId),
      ...(delayMs > 0 ? { delay: delayMs } : {}),
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
      attempts: jobAttempts,
      backoff: { type: jobBackoffType, delay: 500 },
    },
  );
}

/**
 * Deliver one stored outbound message (and, in order, the contact's earlier
 * pending ones). The job waits (delayed, no attempt used) while an earlier reply
 * of the contact is in flight or backing off.
 */
export async function enqueueOutbound(queues: Queues, job: OutboundJob): Promise<void> {
  await queues.outbound.add('outbound', job, {
    jobId: jobId('out', job.messageId),
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
    attempts: jobAttempts,
    backoff: { type: jobBackoffType, delay: 1000 },
  });
}

/**
 * A delayed job that fires at `dueAt`. Keyed by session and timer id: the same
 * timer scheduled twice is one job, and a timer the session no longer waits
 * for is ignored by the engine when it fires.
 */
export async function scheduleTimer(queues: Queues, job: TimerJob, now: number): Promise<void> {
  await queues.timers.add('timer', job, {
    jobId: jobId('timer', job.sessionId, job.timerId),
    delay: Math.max(0, job.dueAt - now),
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
    attempts: jobAttempts,
    backoff: { type: jobBackoffType, delay: 1000 },
  });
}

/**
 * Remove a timer's job if it is still waiting (one round trip); a no-op for a job
 * that is running (locked) or gone. A timer that fires anyway is ignored by its
 * consumer (its SessionTimer row is cancelled), so a missed removal costs nothing.
 */
export async function cancelTimer(queues: Queues, sessionId: string, timerId: string): Promise<void> {
  await queues.timers.remove(jobId('timer', sessionId, timerId));
}

/** The `kind` of a session's expiry wake-up job (a TimerJob on the timers queue; see scheduleExpiryWakeUp). */
export const expiryWakeUpKind = 'expiry-wake-up';

/** A session's expiry wake-up: the TimerJob that looks at the session's expiresAt (see scheduleExpiryWakeUp). */
export function expiryWakeUpJob(session: { channelId: string; contact: string; sessionId: string; dueAt: number }): TimerJob {
  return { ...session, timerId: expiryWakeUpKind, kind: expiryWakeUpKind };
}

/**
 * The one delayed job per session that watches its expiry time (Session.expiresAt),
 * instead of a job per turn: each turn only moves expiresAt later, and the
 * wake-up, when it comes, either expires the session or waits again until the
 * new expiresAt. Keyed by session: scheduling it twice is one job. Removed once
 * done (a session's wake-up never runs twice to completion).
 */
export async function scheduleExpiryWakeUp(queues: Queues, job: TimerJob, now: number): Promise<void> {
  await queues.timers.add('timer', job, {
    jobId: jobId('expiry', job.sessionId),
    delay: Math.max(0, job.dueAt - now),
    removeOnComplete: true,
    removeOnFail: { count: 5000 },
    attempts: jobAttempts,
    backoff: { type: jobBackoffType, delay: 1000 },
  });
}

/** Remove a session's expiry wake-up if it is still waiting (the session ended); a no-op otherwise. */
export async function cancelExpiryWakeUp(queues: Queues, sessionId: string): Promise<void> {
  await queues.timers.remove(jobId('expiry', sessionId));
}

/**
 * Run one stored call from the calls queue. Keyed by the call: queueing it again (the
 * reconciler, a retried turn) while its job exists adds nothing.
 */
export async function enqueueCall(queues: Queues, job: CallJob): Promise<void> {
  await queues.calls.add('call', job, {
    jobId: jobId('call', job.callId),
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
    attempts: jobAttempts,
    backoff: { type: jobBackoffType, delay: 1000 },
  });
}

/**
 * Feed a stored call result to its session: an inbox job of the contact that applies
 * the contact's stored results first, in order with its messages (same queue, same
 * contact lock). Keyed by the call.
 */
export async function enqueueCallResult(queues: Queues, job: InboundJob & { callId: string }): Promise<void> {
  await queues.inbound.add('call-result', job, {
    jobId: jobId('result', job.callId),
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
    attempts: jobAttempts,
    backoff: { type: jobBackoffType, delay: 500 },
  });
}
