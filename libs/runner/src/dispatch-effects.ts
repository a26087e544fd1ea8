import { cancelTimer, enqueueOutbound, scheduleTimer, type Queues } from '@parley/queue';
import type { Effects } from './effects';

/** Hands a committed turn's effects to the queues. Safe to repeat (deterministic job ids). */
export async function dispatchEffects(queues: Queues, effects: Effects, now: number): Promise<void> {
  await Promise.all([
    ...effects.outboundMessageIds.map((messageId) => enqueueOutbound(queues, { messageId })),
    ...effects.timers.map((timer) => scheduleTimer(queues, timer, now)),
    ...effects.cancelledTimers.map(({ sessionId, timerId }) => cancelTimer(queues, sessionId, timerId)),
  ]);
}
