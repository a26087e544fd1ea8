import { randomUUID } from 'node:crypto';
import type { Tx } from './create-db';
import type { SqlClient } from './sql-client';
import { Prisma } from './generated/client';

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
  await armSessionTimers(tx, [input]);
}

/**
 * armSessionTimer for many timers in one statement.
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages); id and
 * createdAt are filled here as Prisma Client filled them.
 */
export async function armSessionTimers(tx: SqlClient, inputs: readonly ArmSessionTimerInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.$executeRaw`${armSessionTimersStatement(inputs)}`;
}

/** The INSERT of armSessionTimers (also part of writeTurnBatch). */
export function armSessionTimersStatement(inputs: readonly ArmSessionTimerInput[]): Prisma.Sql {
  const now = new Date();
  const rows = inputs.map(
    (input) =>
      Prisma.sql`(${randomUUID()}, ${input.sessionId}, ${input.timerId}, ${input.kind}, ${input.dueAt}, ${input.channelId}, ${input.contact}, 'pending', ${now})`,
  );
  return Prisma.sql`
    INSERT INTO "SessionTimer" ("id", "sessionId", "timerId", "kind", "dueAt", "channelId", "contact", "status", "createdAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT DO NOTHING`;
}
