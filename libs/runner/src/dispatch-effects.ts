import { cancelExpiryWakeUp, cancelTimer, enqueueCall, enqueueOutbound, scheduleExpiryWakeUp, scheduleTimer, type Queues } from '@parley/queue';
import type { Effects } from './effects';
import { defaultTimerHorizonMs } from './runner-context';

/**
 * Hands a committed turn's effects to the queues. Safe to repeat (deterministic
 * job ids), and safe to skip: a crash before or during dispatch loses nothing,
 * because the reconciler re-creates the jobs from Postgres (pending outbound
 * messages, pending SessionTimer rows, unsettled SessionCall rows).
 * A timer armed and cancelled within the same effects (e.g. the session-expiry
 * timer of a turn followed by another turn of the same job) is not scheduled at all,
 * and neither is a timer or expiry wake-up due later than `horizonMs` from now: it
 * waits in Postgres only, and the reconciler queues it as it comes within the horizon.
 */
export async function dispatchEffects(queues: Queues, effects: Effects, now: number, horizonMs = defaultTimerHorizonMs): Promise<void> {
  const soon = (job: { dueAt: number }): boolean => job.dueAt <= now + horizonMs;
  const timerKey = (sessionId: string, timerId: string): string => `${sessionId}\n${timerId}`;
  const cancelled = new Map(effects.cancelledTimers.map((timer) => [timerKey(timer.sessionId, timer.timerId), timer]));
  const armed = new Set(effects.timers.map((timer) => timerKey(timer.sessionId, timer.timerId)));
  await Promise.all([
    ...effects.outboundMessageIds.map((messageId) => enqueueOutbound(queues, { messageId })),
    ...effects.timers
      .filter((timer) => soon(timer) && !cancelled.has(timerKey(timer.sessionId, timer.timerId)))
      .map((timer) => scheduleTimer(queues, timer, now)),
    ...[...cancelled.entries()]
      .filter(([key]) => !armed.has(key))
      .map(([, { sessionId, timerId }]) => cancelTimer(queues, sessionId, timerId)),
    ...effects.wakeUps.filter((job) => soon(job) && !effects.cancelledWakeUps.includes(job.sessionId)).map((job) => scheduleExpiryWakeUp(queues, job, now)),
    ...effects.cancelledWakeUps.map((sessionId) => cancelExpiryWakeUp(queues, sessionId)),
    ...effects.calls.map((job) => enqueueCall(queues, job)),
  ]);
}
