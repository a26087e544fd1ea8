import {
  listContactsWithUnprocessedInbound,
  listExpiringSessions,
  listPendingOutbound,
  listPendingTimers,
  listUnsettledSessionCalls,
  pruneAppliedSessionCalls,
  pruneSettledTimers,
  type ExpiringSession,
  type SessionTimer,
} from '@parley/db';
import {
  ensureExpiryWakeUp,
  ensureInbound,
  ensureOutbound,
  ensureTimer,
  ensureCall,
  ensureCallResult,
  expiryWakeUpJob,
  markQueuesReconciled,
  queuesLostData,
  type EnsureOutcome,
  type Queues,
} from '@parley/queue';
import { defaultTimerHorizonMs, type RunnerContext } from './runner-context';

export type ReconcileOptions = {
  /**
   * Check every pending timer and expiry within the horizon, not only those that came
   * within it since the last run and overdue ones: at start-up and after a reconnect to
   * Redis. Implied when Redis lost its data since the last full run.
   */
  full?: boolean;
  /**
   * The caller's memory between runs (one per process): timers due before
   * `coveredUntil` already got their jobs from an earlier run. Without it every light
   * run checks every timer within the horizon.
   */
  horizon?: { coveredUntil: number };
};

export type ReconcileCounts = {
  /** Whether every pending timer was checked (see ReconcileOptions.full). */
  full: boolean;
  /** Contacts with unprocessed inbound messages, pending outbound messages and pending timers (and session expiries) checked. */
  inbound: number;
  outbound: number;
  timers: number;
  /** Stored calls still to run or to apply checked. */
  calls: number;
  /** Jobs that were missing or finished and were queued again. */
  recreated: number;
  /** Settled timers and applied calls older than a day deleted. */
  pruned: number;
};

/** Most contacts / outbound messages checked per run (oldest first); a later run takes the rest. */
const maxPerRun = 5000;
const timerPageSize = 1000;
/** A pending timer this late is re-scheduled even in a light run (its job may be lost). */
const overdueAfterMs = 2_000;
/** A light run re-creates inbox jobs only for messages stored longer ago than this. */
const inboundGraceMs = 10_000;
/** A light run looks this far back before the last run's horizon (a timer stored while it ran). */
const horizonOverlapMs = 60_000;
const pruneAfterMs = 24 * 60 * 60_000;
const parallelChecks = 50;

/**
 * Re-creates queue work from Postgres, the source of truth: every contact with
 * unprocessed inbound messages gets an inbox job, every pending outbound message
 * a delivery job, every pending timer due within the horizon (ctx.timerHorizonMs) its
 * delayed job and every active session expiring within it its expiry wake-up (an
 * overdue one runs at once), every stored call still to run its call job and every
 * stored result not yet applied its result job; it also deletes settled timers and
 * applied calls older than a day. Timers and expiries further away have no job: they
 * get one here as they come within the horizon. A light run checks the timers and
 * expiries that came within the horizon since the last run (`horizon`) and overdue
 * ones; a full run (`full`, or Redis lost its data — see `queuesLostData`) checks
 * every one within the horizon.
 * Idempotent: a live job is kept (deterministic job ids), a finished one that
 * Postgres says is still to do is queued again, and every consumer tolerates a
 * job with nothing left to do. Safe at start-up, periodically and from several
 * workers at once.
 */
export async function reconcile(ctx: RunnerContext, queues: Queues, options: ReconcileOptions = {}): Promise<ReconcileCounts> {
  const full = options.full === true || (await queuesLostData(queues));
  // Marked first: a wipe during this run removes the mark again, and the next run is full too.
  if (full) await markQueuesReconciled(queues);
  let recreated = 0;
  const tally = (outcome: EnsureOutcome): void => {
    if (outcome !== 'kept') recreated += 1;
  };

  // A light run leaves alone the messages stored in the last seconds: their job is on its way
  // (a batch job asks for several contacts under one id, which ensureInbound cannot see).
  const contacts = await listContactsWithUnprocessedInbound(ctx.db, maxPerRun, full ? undefined : new Date(ctx.clock() - inboundGraceMs));
  await forEachInBatches(contacts, async ({ channelId, contact, workspaceId, firstMessageId }) =>
    tally(await ensureInbound(queues, { channelId, contact, workspaceId }, firstMessageId)),
  );

  const outbound = await listPendingOutbound(ctx.db, maxPerRun);
  await forEachInBatches(outbound, async (message) => tally(await ensureOutbound(queues, { messageId: message.id })));

  const now = ctx.clock();
  const horizonEnd = now + (ctx.timerHorizonMs ?? defaultTimerHorizonMs);
  // Every page of those that came within the horizon (all of them at a full run), then the first page of overdue ones.
  const ranges = [
    { dueBefore: new Date(horizonEnd), ...(full ? {} : { dueFrom: new Date((options.horizon?.coveredUntil ?? 0) - horizonOverlapMs) }), allPages: true },
    ...(full ? [] : [{ dueBefore: new Date(now - overdueAfterMs), allPages: false }]),
  ];
  let timers = 0;
  for (const { allPages, ...range } of ranges) {
    timers += await forEachPage(
      (after?: { dueAt: Date; id: string }) => listPendingTimers(ctx.db, { ...range, ...(after ? { after } : {}), limit: timerPageSize }),
      (timer: SessionTimer) => ({ dueAt: timer.dueAt, id: timer.id }),
      allPages,
      async (timer) => {
        const { channelId, contact, sessionId, timerId, kind } = timer;
        tally(await ensureTimer(queues, { channelId, contact, sessionId, timerId, kind, dueAt: timer.dueAt.getTime() }, now));
      },
    );
    timers += await forEachPage(
      (after?: { expiresAt: Date; id: string }) => listExpiringSessions(ctx.db, { ...range, ...(after ? { after } : {}), limit: timerPageSize }),
      (session: ExpiringSession) => ({ expiresAt: session.expiresAt, id: session.id }),
      allPages,
      async (session) => {
        const job = expiryWakeUpJob({ channelId: session.channelId, contact: session.contact, sessionId: session.id, dueAt: session.expiresAt.getTime() });
        tally(await ensureExpiryWakeUp(queues, job, now));
      },
    );
  }
  if (options.horizon) options.horizon.coveredUntil = horizonEnd;

  // A call still pending has a job running or waiting (kept), or Redis lost it; a call
  // done has a result job, or lost it. Young ones are left to the turn that queues them.
  const calls = await listUnsettledSessionCalls(ctx.db, { createdBefore: new Date(now - overdueAfterMs), limit: maxPerRun });
  await forEachInBatches(calls, async (call) => {
    if (call.status === 'pending') tally(await ensureCall(queues, { callId: call.id, workspaceId: call.workspaceId }));
    else tally(await ensureCallResult(queues, { channelId: call.channelId, contact: call.contact, callId: call.id }));
  });

  const pruned =
    (await pruneSettledTimers(ctx.db, new Date(now - pruneAfterMs), timerPageSize)) +
    (await pruneAppliedSessionCalls(ctx.db, new Date(now - pruneAfterMs), timerPageSize));
  return { full, inbound: contacts.length, outbound: outbound.length, timers, calls: calls.length, recreated, pruned };
}

/**
 * Runs `each` (in parallel batches) over the first page `list` returns, or over
 * every page (keyset-paged: the next page starts after `cursorOf` the last item)
 * when `allPages`. Returns how many items there were.
 */
async function forEachPage<T, C>(
  list: (after?: C) => Promise<T[]>,
  cursorOf: (item: T) => C,
  allPages: boolean,
  each: (item: T) => Promise<void>,
): Promise<number> {
  let count = 0;
  let after: C | undefined;
  for (;;) {
    const page = await list(after);
    count += page.length;
    await forEachInBatches(page, each);
    const last = page.at(-1);
    if (!allPages || last === undefined || page.length < timerPageSize) return count;
    after = cursorOf(last);
  }
}

async function forEachInBatches<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += parallelChecks) {
    await Promise.all(items.slice(start, start + parallelChecks).map(fn));
  }
}
