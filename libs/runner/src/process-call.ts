import { callSchema } from '@parley/elements';
import { completeSessionCall, getSessionCall } from '@parley/db';
import type { CallJob, InboundJob } from '@parley/queue';
import { callContextOf } from './calls/call-context-of';
import { callDeadlineMs } from './calls/call-deadline-ms';
import type { CallResult } from './calls/call-executor';
import { executeCall } from './calls/execute-call';
import type { RunnerContext } from './runner-context';

/** What became of a call job: the result to feed to the session (an inbox job to queue), or nothing to do. */
export type ProcessCallOutcome = { resume: InboundJob & { callId: string } } | { resume: null };

/**
 * Runs one stored call (SessionCall 'pending') that leaves the process — an HTTP
 * request, a Code script — with NO transaction and NO contact lock held: a slow
 * partner costs this job and its memory, not a database connection or the contact's
 * other work. The outcome is stored once (completeSessionCall: of two runs of the same
 * call, after a worker died mid-call, the first to finish wins) and the caller queues
 * the returned `resume` job, whose turn feeds it to the session under the contact's
 * lock (processInbox). HTTP requests carry the call's id as `Idempotency-Key`.
 *
 * A call that takes longer than its deadline (callDeadlineMs) is stored as a `timeout`
 * failure; the late outcome, if it ever comes, is dropped. A call already done is not
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
  const outcome: CallResult = parsed.success
    ? await withDeadline(
        executeCall(ctx.db, callContextOf(ctx, stored, ctx.clock(), stored.id), parsed.data, { sandbox: ctx.sandbox, httpPolicies: ctx.httpPolicies }),
        callDeadlineMs(parsed.data),
      )
    : { ok: false, error: { code: 'invalid-call', message: `Stored call unreadable: ${parsed.error.message}` } };
  const first = await completeSessionCall(ctx.db, stored.id, outcome);
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
