import type { InboundJob } from '@parley/queue';
import type { Effects } from './effects';
import type { RunnerContext } from './runner-context';
import { runTurn } from './turns/run-turns';

/**
 * An inbox job's turn, alone, waiting for the contact's lock (see runTurns): the
 * contact's unprocessed messages in arrival order, after its stored call results when
 * the job carries one (`callId`). A message for a contact with no active session starts
 * one on the bot's latest published version. With `ctx.inboxBatchWindowMs` > 0,
 * messages a contact sends in quick succession become one turn: while the newest is
 * younger than the window (and the oldest younger than three windows, so a contact who
 * keeps typing is still answered) nothing is processed and the effects carry
 * `deferUntil`; then all of them are one `user.message` whose text is theirs joined by
 * newlines (id and time of the last one).
 */
export async function processInbox(ctx: RunnerContext, job: InboundJob): Promise<Effects> {
  return runTurn(ctx, { kind: 'inbox', job });
}
