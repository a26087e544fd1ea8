import type { Tx } from './create-db';

export type ArmSessionTimerInput = {
  sessionId: string;
  /** The engine's timer id, unique within the session. */
  timerId: string;
  kind: string;
  dueAt: Date;
  channelId: string;
  contact: string;
};

/**
 * Records a timer the engine set, as 'pending', in the caller's transaction (the
 * turn that set it), so the timer survives the loss of its queue job. Idempotent on
 * (sessionId, timerId): arming the same timer again changes nothing.
 */
export async function armSessionTimer(tx: Tx, input: ArmSessionTimerInput): Promise<void> {
  await tx.sessionTimer.createMany({
    data: [{ ...input, status: 'pending' }],
    skipDuplicates: true,
  });
}
