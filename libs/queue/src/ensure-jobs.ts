import type { Queue } from 'bullmq';
import type { Queues } from './create-queues';
import { enqueueCall, enqueueCallResult, enqueueInbound, enqueueOutbound, scheduleExpiryWakeUp, scheduleTimer } from './create-queues';
import { jobId } from './job-id';
import type { CallJob, InboundJob, OutboundJob, TimerJob } from './job-schemas';

/**
 * - kept: a live job (waiting, delayed, active, prioritized) already has this id;
 * - created: there was none (Redis lost it, or it was never queued);
 * - replaced: a finished (completed or failed) job held the id and was removed first.
 */
export type EnsureOutcome = 'kept' | 'created' | 'replaced';

/**
 * Makes sure a live job with `id` exists, for the reconciler: Postgres says the
 * work is still to do. BullMQ refuses a duplicate id while a finished job with
 * it is kept (removeOnComplete / removeOnFail keep some), so such a job is
 * removed and the work queued again: a job that failed all its attempts during
 * an outage gets a fresh set, and a consumer finding nothing to do is harmless
 * (every consumer is idempotent).
 */
async function ensureJob(queue: Queue, id: string, add: () => Promise<void>): Promise<EnsureOutcome> {
  const state = await queue.getJobState(id);
  if (state === 'unknown') {
    await add();
    return 'created';
  }
  if (state !== 'completed' && state !== 'failed') return 'kept';
  await queue.remove(id);
  await add();
  return 'replaced';
}

/** `enqueueInbound` unless a live job for that message exists (in either lane). */
export async function ensureInbound(queues: Queues, job: InboundJob, messageId: string): Promise<EnsureOutcome> {
  const state = await queues.inboundBulk.getJobState(jobId('in', messageId));
  if (state !== 'unknown' && state !== 'completed' && state !== 'failed') return 'kept';
  return ensureJob(queues.inbound, jobId('in', messageId), () => enqueueInbound(queues, job, messageId));
}

/** `enqueueOutbound` unless a live job for that message exists. */
export async function ensureOutbound(queues: Queues, job: OutboundJob): Promise<EnsureOutcome> {
  return ensureJob(queues.outbound, jobId('out', job.messageId), () => enqueueOutbound(queues, job));
}

/** `scheduleTimer` unless a live job for that timer exists; an overdue timer is queued to run at once. */
export async function ensureTimer(queues: Queues, job: TimerJob, now: number): Promise<EnsureOutcome> {
  return ensureJob(queues.timers, jobId('timer', job.sessionId, job.timerId), () => scheduleTimer(queues, job, now));
}

/** `scheduleExpiryWakeUp` unless a live wake-up job for that session exists; an overdue one is queued to run at once. */
export async function ensureExpiryWakeUp(queues: Queues, job: TimerJob, now: number): Promise<EnsureOutcome> {
  return ensureJob(queues.timers, jobId('expiry', job.sessionId), () => scheduleExpiryWakeUp(queues, job, now));
}

/** `enqueueCall` unless a live job for that call exists (a call running now is kept). */
export async function ensureCall(queues: Queues, job: CallJob): Promise<EnsureOutcome> {
  return ensureJob(queues.calls, jobId('call', job.callId), () => enqueueCall(queues, job));
}

/** `enqueueCallResult` unless a live job for that call's result exists. */
export async function ensureCallResult(queues: Queues, job: InboundJob & { callId: string }): Promise<EnsureOutcome> {
  return ensureJob(queues.inbound, jobId('result', job.callId), () => enqueueCallResult(queues, job));
}
