import type { Message } from '@parley/db';
import type { CallJob, TimerJob } from '@parley/queue';

/**
 * What a committed turn still has to do outside the database transaction:
 * queue the stored outbound messages and (re)arm or cancel timers. Effects are
 * only dispatched after commit, and each is idempotent, so a crash between
 * commit and dispatch is repaired by the reconciler without duplicates.
 */
export type Effects = {
  outboundMessageIds: string[];
  /**
   * Of those, the replies stored already claimed for this worker's delivery (runTurns with
   * `leaseReplies`: each its contact's earliest pending reply). dispatchTurnEffects sends
   * them without claiming; anything else leaves them held until their lease runs out.
   */
  leasedReplies: Message[];
  timers: TimerJob[];
  cancelledTimers: { sessionId: string; timerId: string }[];
  /** Expiry wake-up jobs to schedule: sessions whose expiry is now watched (see scheduleExpiryWakeUp). */
  wakeUps: TimerJob[];
  /** Sessions that ended: their expiry wake-up jobs can go. */
  cancelledWakeUps: string[];
  /** Stored calls to run from the calls queue (outside any transaction). */
  calls: CallJob[];
  /** Nothing was processed yet: run the inbox job again at this time (epoch ms; batching window, see processInbox). */
  deferUntil?: number;
};

export function emptyEffects(): Effects {
  return { outboundMessageIds: [], leasedReplies: [], timers: [], cancelledTimers: [], wakeUps: [], cancelledWakeUps: [], calls: [] };
}

export function mergeEffects(into: Effects, from: Effects): void {
  into.outboundMessageIds.push(...from.outboundMessageIds);
  into.leasedReplies.push(...from.leasedReplies);
  into.timers.push(...from.timers);
  into.cancelledTimers.push(...from.cancelledTimers);
  into.wakeUps.push(...from.wakeUps);
  into.cancelledWakeUps.push(...from.cancelledWakeUps);
  into.calls.push(...from.calls);
}
