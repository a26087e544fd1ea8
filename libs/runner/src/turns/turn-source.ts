import type { InboundJob, TimerJob } from '@parley/queue';

/**
 * What asks for a contact's turn: an inbox job (new messages, or with `callId` a stored
 * call result), or a timer job (a timer that came due, or a session's expiry wake-up:
 * `kind` expiryWakeUpKind). Every source runs the same pipeline (runTurns).
 */
export type TurnSource = { kind: 'inbox'; job: InboundJob } | { kind: 'timer'; job: TimerJob };
