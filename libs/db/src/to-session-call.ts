import { callStatusSchema, type CallStatus } from './column-schemas';
import type { SessionCall as SessionCallRow } from './generated/client';

/**
 * A call run outside the turn's transaction (see the SessionCall model). `call` and
 * `result` are JSON as stored: the runner parses them with the elements' schemas.
 */
export type SessionCall = Omit<SessionCallRow, 'status' | 'call' | 'result'> & { status: CallStatus; call: unknown; result: unknown };

/** Narrows a SessionCall row; throws if the row holds an unknown status. */
export function toSessionCall(row: SessionCallRow): SessionCall {
  return { ...row, status: callStatusSchema.parse(row.status) };
}
