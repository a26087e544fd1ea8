import { timerStatusSchema, type TimerStatus } from './column-schemas';
import type { SessionTimer as SessionTimerRow } from './generated/client';

/** A durable engine timer with its status narrowed to the allowed values. */
export type SessionTimer = Omit<SessionTimerRow, 'status'> & { status: TimerStatus };

/** Narrows a SessionTimer row; throws if the row holds an unknown status. */
export function toSessionTimer(row: SessionTimerRow): SessionTimer {
  return { ...row, status: timerStatusSchema.parse(row.status) };
}
