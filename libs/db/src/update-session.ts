import type { SessionStatus } from './column-schemas';
import type { Tx } from './create-db';
import { Prisma, type Session as SessionRow } from './generated/client';
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
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages);
 * updatedAt is set here as Prisma Client set it. A refused write costs a second
 * statement, to tell the three refusals apart.
 */
export async function updateSession(tx: Tx, input: UpdateSessionInput): Promise<Session> {
  const now = new Date();
  const ended = input.status !== 'active';
  const state = JSON.stringify(toJsonInput(input.state));
  const [row] = await tx.$queryRaw<SessionRow[]>`
    UPDATE "Session"
    SET "state" = ${state}::jsonb, "status" = ${input.status}, "version" = "version" + 1,
        "lastActivityAt" = ${now}, "updatedAt" = ${now}
        ${ended ? Prisma.sql`, "activeKey" = NULL, "closedAt" = ${now}` : Prisma.empty}
    WHERE "id" = ${input.id} AND "version" = ${input.expectedVersion}
      ${ended ? Prisma.empty : Prisma.sql`AND "status" = 'active'`}
    RETURNING *`;
  if (row) return toSession(row);
  const [current] = await tx.$queryRaw<Pick<SessionRow, 'version' | 'status'>[]>`
    SELECT "version", "status" FROM "Session" WHERE "id" = ${input.id}`;
  if (!current) throw new NotFoundError('Session', input.id);
  if (current.version === input.expectedVersion) {
    throw new Error(`Session ${input.id} has ended (${current.status}) and cannot be made active again`);
  }
  throw new StaleSessionError(input.id, input.expectedVersion);
}
