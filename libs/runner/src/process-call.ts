import { callSchema } from '@parley/elements';
import { completeSessionCall, getSessionCall } from '@parley/db';
import type { CallJob, InboundJob } from '@parley/queue';
import { callContextOf } from './calls/call-context-of';
import { callDeadlineMs } from './calls/call-deadline-ms';
import type { CallResult } from './calls/call-executor';
import { executeCall } from './calls/execute-call';
import { leavesProcess } from './calls/leaves-process';
import type { RunnerContext } from './runner-context';

/** What became of a call job: the result to feed to the session (an inbox job to queue), or nothing to do. */
export type ProcessCallOutcome = { resume: InboundJob & { callId: string } } | { resume: null };

/**
 * Runs one stored call (SessionCall 'pending'), never under the contact's lock, and
 * stores its outcome once; the caller queues the returned `resume` job, whose turn
 * feeds it to the session under the contact's lock (runTurns).
 * - A call that leaves the process (an HTTP request, a Code script: leavesProcess) runs
 *   with NO transaction open: a slow partner costs this job and its memory, not a
 *   database connection or the contact's other work. Of two runs of the same call
 *   (after a worker died mid-call) the first to finish wins (completeSessionCall). HTTP
 *   requests carry the call's id as `Idempotency-Key`.
 * - A database call (profiles, tags, CSAT, handoff ...) runs in one short transaction
 *   with the storing of its outcome: it takes effect exactly once.
 *
 * Every awaited call gets an outcome in bounded time: a call that takes longer than its
 * deadline (callDeadlineMs) is stored as a `timeout` failure (the late outcome, if it
 * ever comes, is dropped), and one still pending twice its deadline after it was stored
 * (its jobs kept failing or got lost, and the reconciler queued it again) is not run
 * any more: it gets the `timeout` failure at once. A call already done is not
 * run again (its result is resumed again: harmless, the turn applies it once); one
 * already applied, or gone with its session, needs nothing. Rejects only on
 * infrastructure failures (Postgres down ...): the job is retried.
 */
export async function processCall(ctx: RunnerContext, job: CallJob): Promise<ProcessCallOutcome> {
  const stored = await getSessionCall(ctx.db, job.callId);
  if (!stored || stored.status === 'applied') return { resume: null };
  const resume = { channelId: stored.channelId, contact: stored.contact, callId: stored.id };
  if (stored.status === 'done') return { resume };
  const parsed = callSchema.safeParse(stored.call);
  const services = { sandbox: ctx.sandbox };
  const callContext = callContextOf(ctx, stored, ctx.clock(), stored.id);
  let outcome: CallResult;
  let first: boolean;
  if (!parsed.success) {
    outcome = { ok: false, error: { code: 'invalid-call', message: `Stored call unreadable: ${parsed.error.message}` } };
    first = await completeSessionCall(ctx.db, stored.id, outcome);
  } else if (ctx.clock() - stored.createdAt.getTime() > 2 * callDeadlineMs(parsed.data)) {
    outcome = { ok: false, error: { code: 'timeout', message: 'The call could not be completed in time and was given up' } };
    first = await completeSessionCall(ctx.db, stored.id, outcome);
  } else if (leavesProcess(parsed.data)) {
    outcome = await withDeadline(executeCall(ctx.db, callContext, parsed.data, services), callDeadlineMs(parsed.data));
    first = await completeSessionCall(ctx.db, stored.id, outcome);
  } else {
    const call = parsed.data;
    ({ outcome, first } = await ctx.db.$transaction(
      async (tx) => {
        // Locks the row: a second run waits here, then finds the call done and changes nothing.
        if ((await getSessionCall(tx, stored.id, { forUpdate: true }))?.status !== 'pending') return { outcome: { ok: false }, first: false };
        const result = await executeCall(tx, callContext, call, services);
        return { outcome: result, first: await completeSessionCall(tx, stored.id, result) };
      },
      { timeout: callDeadlineMs(call), maxWait: 10_000 },
    ));
  }
  ctx.logger.info({ sessionId: stored.sessionId, callId: stored.id, call: stored.name, ok: outcome.ok, stored: first }, 'call executed');
  return { resume };
}

/** The call's outcome, or a `timeout` failure once `ms` have passed (the call itself is abandoned). */
async function withDeadline(work: Promise<CallResult>, ms: number): Promise<CallResult> {
  let timer: NodeJS.Timeout | undefined;
  // An abandoned call that fails later must not become an unhandled rejection.
  work.catch(() => undefined);
  const deadline = new Promise<CallResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: { code: 'timeout', message: `The call took longer than ${ms} ms and was abandoned` } }), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
