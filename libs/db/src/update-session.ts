import type { SessionStatus } from './column-schemas';
import type { Tx } from './create-db';
import { NotFoundError } from './not-found-error';
import { StaleSessionError } from './stale-session-error';
import { toJsonInput } from './to-json-input';
import { toSession, type Session } from './to-session';

export type UpdateSessionInput = {
  id: string;
  /** The version the caller read; the write happens only if it is still current. */
  expectedVersion: number;
  /** The new engine state (any JSON-serializable value). */
  state: unknown;
  status: SessionStatus;
};

/**
 * Saves a session with an optimistic version check, in one statement: writes
 * only where version = expectedVersion, bumps version by one, and sets
 * lastActivityAt. A status other than 'active' ends the session: activeKey
 * becomes NULL (freeing the contact for a new session) and closedAt is set.
 * An ended session stays ended: saving it as 'active' is refused with an
 * Error. Throws StaleSessionError when the version moved on (nothing
 * written), NotFoundError when there is no such session.
 */
export async function updateSession(tx: Tx, input: UpdateSessionInput): Promise<Session> {
  const now = new Date();
  const ended = input.status !== 'active';
  const [row] = await tx.session.updateManyAndReturn({
    where: { id: input.id, version: input.expectedVersion, ...(ended ? {} : { status: 'active' }) },
    data: {
      state: toJsonInput(input.state),
      status: input.status,
      version: { increment: 1 },
      lastActivityAt: now,
      ...(ended ? { activeKey: null, closedAt: now } : {}),
    },
  });
  if (row) return toSession(row);
  const current = await tx.session.findUnique({ where: { id: input.id }, select: { version: true, status: true } });
  if (!current) throw new NotFoundError('Session', input.id);
  if (current.version === input.expectedVersion) {
    throw new Error(`Session ${input.id} has ended (${current.status}) and cannot be made active again`);
  }
  throw new StaleSessionError(input.id, input.expectedVersion);
}
