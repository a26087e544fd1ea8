import type { SessionStatus } from './column-schemas';
import type { Tx } from './create-db';
import type { SqlClient } from './sql-client';
import { Prisma, type Session as SessionRow } from './generated/client';
import { NotFoundError } from './not-found-error';
import { StaleSessionError } from './stale-session-error';
import { toJsonText } from './to-json-input';
import { toSession, type Session } from './to-session';

export type UpdateSessionInput = {
  id: string;
  /** The version the caller read; the write happens only if it is still current. */
  expectedVersion: number;
  /** The new engine state (any JSON-serializable value). */
  state: unknown;
  status: SessionStatus;
  /**
   * When the session now expires (Session.expiresAt). Omitted: unchanged; a session
   * that ends always gets NULL.
   */
  expiresAt?: Date | null;
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
  const state = toJsonText(input.state);
  const [row] = await tx.$queryRaw<SessionRow[]>`
    UPDATE "Session"
    SET "state" = ${state}::jsonb, "status" = ${input.status}, "version" = "version" + 1,
        "lastActivityAt" = ${now}, "updatedAt" = ${now}
        ${ended ? Prisma.sql`, "activeKey" = NULL, "closedAt" = ${now}, "expiresAt" = NULL` : Prisma.empty}
        ${!ended && input.expiresAt !== undefined ? Prisma.sql`, "expiresAt" = ${input.expiresAt}` : Prisma.empty}
    WHERE "id" = ${input.id} AND "version" = ${input.expectedVersion}
      ${ended ? Prisma.empty : Prisma.sql`AND ("status" = 'active') IS TRUE`}
    RETURNING *`;
  if (row) return toSession(row);
  throw await refusalOf(tx, input.id, input.expectedVersion);
}

export type UpdateActiveSessionInput = Omit<UpdateSessionInput, 'status' | 'expiresAt'> & {
  expiresAt: Date | null;
  /** 'active' (the default) or how the session ended: it is then saved ended, as updateSession ends one. */
  status?: SessionStatus;
};

/**
 * updateSession for many active sessions, in one statement: each is written only at
 * its expected version (bumped by one) and only while active; one saved with another
 * status ends (activeKey NULL, closedAt set, expiresAt NULL).
 * All or nothing for the caller's transaction: if any write is refused, throws
 * as updateSession would for the first refused one (StaleSessionError when its
 * version moved on), and the caller must roll back.
 * Returns the new version of each session, by id.
 */
export async function updateActiveSessions(tx: SqlClient, inputs: readonly UpdateActiveSessionInput[]): Promise<Map<string, number>> {
  if (inputs.length === 0) return new Map();
  const rows = await tx.$queryRaw<Pick<SessionRow, 'id' | 'version'>[]>`${updateActiveSessionsStatement(inputs)} RETURNING s."id", s."version"`;
  const versions = new Map(rows.map((row) => [row.id, row.version]));
  await throwIfRefused(tx, inputs, versions);
  return versions;
}

/**
 * The UPDATE of updateActiveSessions without its RETURNING clause (also part of
 * writeTurnBatch). Sessions are found by primary key only: the status check is a
 * guard, written `IS TRUE` so that the planner cannot search by it (as in
 * markInboundProcessedStatement: when most sessions have ended, a plain
 * `status = 'active'` could take the (status, expiresAt) index and read every
 * workspace's active sessions for each turn; turn-plans.int.test.ts).
 */
export function updateActiveSessionsStatement(inputs: readonly UpdateActiveSessionInput[]): Prisma.Sql {
  const now = new Date();
  const values = inputs.map(
    (input) =>
      Prisma.sql`(${input.id}, ${input.expectedVersion}::int, ${toJsonText(input.state)}::jsonb, ${input.expiresAt}::timestamp(3), ${input.status ?? 'active'})`,
  );
  return Prisma.sql`
    UPDATE "Session" AS s
    SET "state" = v."state", "version" = s."version" + 1, "lastActivityAt" = ${now}, "updatedAt" = ${now}, "status" = v."status",
      "expiresAt" = CASE WHEN v."status" = 'active' THEN v."expiresAt" END,
      "activeKey" = CASE WHEN v."status" = 'active' THEN s."activeKey" END,
      "closedAt" = CASE WHEN v."status" = 'active' THEN s."closedAt" ELSE ${now}::timestamp(3) END
    FROM (VALUES ${Prisma.join(values)}) AS v("id", "expected", "state", "expiresAt", "status")
    WHERE s."id" = v."id" AND s."version" = v."expected" AND (s."status" = 'active') IS TRUE`;
}

/** Throws as updateSession would for the first of `inputs` whose id is not among `written`. */
export async function throwIfRefused(tx: SqlClient, inputs: readonly UpdateActiveSessionInput[], written: { has: (id: string) => boolean }): Promise<void> {
  const refused = inputs.find((input) => !written.has(input.id));
  if (refused) throw await refusalOf(tx, refused.id, refused.expectedVersion);
}

/** Why a versioned session write changed nothing: gone, ended, or stale. */
async function refusalOf(tx: SqlClient, id: string, expectedVersion: number): Promise<Error> {
  const [current] = await tx.$queryRaw<Pick<SessionRow, 'version' | 'status'>[]>`
    SELECT "version", "status" FROM "Session" WHERE "id" = ${id}`;
  if (!current) return new NotFoundError('Session', id);
  if (current.version === expectedVersion) {
    return new Error(`Session ${id} has ended (${current.status}) and cannot be made active again`);
  }
  return new StaleSessionError(id, expectedVersion);
}
