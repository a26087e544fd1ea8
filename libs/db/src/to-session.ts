import { sessionStatusSchema, type SessionStatus } from './column-schemas';
import type { Session as SessionRow } from './generated/client';

/** A bot session with its status narrowed to the allowed values. */
export type Session = Omit<SessionRow, 'status'> & { status: SessionStatus };

/** Narrows a Session row; throws if the row holds an unknown status. */
export function toSession(row: SessionRow): Session {
  return { ...row, status: sessionStatusSchema.parse(row.status) };
}
