import { Prisma } from './generated/client';
import { sessionActiveKey } from './session-active-key';
import { toJsonInput } from './to-json-input';

/** A session started by a batch of turns (see writeTurnBatch), with its state after them. */
export type StartedSessionInput = {
  /** Chosen by the caller (a UUID), so the turns can name it before it is written. */
  id: string;
  workspaceId: string;
  botId: string;
  botVersionId: string;
  /** The version's number, for the 'session.started' analytics event. */
  botVersionNumber: number;
  channelId: string;
  contact: string;
  state: unknown;
  /** Turns taken: the session's version, as if created at 0 and saved once per turn. */
  version: number;
  expiresAt: Date | null;
};

/**
 * The INSERT of new active sessions, as createSession writes them (activeKey set,
 * so a contact that already has an active session makes the statement fail), for
 * writeTurnBatch; RETURNING nothing.
 */
export function insertStartedSessionsStatement(inputs: readonly StartedSessionInput[]): Prisma.Sql {
  const now = new Date();
  const values = inputs.map(
    (input) => Prisma.sql`(${input.id}, ${input.workspaceId}, ${input.botId}, ${input.botVersionId}, ${input.channelId}, ${input.contact}, 'active',
      ${JSON.stringify(toJsonInput(input.state))}::jsonb, ${input.version}::int, ${sessionActiveKey(input.channelId, input.contact)}, ${now}, ${now}, ${now}, ${input.expiresAt}::timestamp(3))`,
  );
  return Prisma.sql`
    INSERT INTO "Session" ("id", "workspaceId", "botId", "botVersionId", "channelId", "contact", "status", "state", "version", "activeKey", "createdAt", "updatedAt", "lastActivityAt", "expiresAt")
    VALUES ${Prisma.join(values)}`;
}

/** The 'session.started' analytics events of those sessions (as recordAnalyticsEvent writes them). */
export function insertSessionStartedEventsStatement(inputs: readonly StartedSessionInput[]): Prisma.Sql {
  const values = inputs.map(
    (input) => Prisma.sql`(gen_random_uuid()::text, ${input.workspaceId}, ${input.botId}, ${input.id}, 'session.started', ${JSON.stringify({ botVersion: input.botVersionNumber })}::jsonb)`,
  );
  return Prisma.sql`INSERT INTO "AnalyticsEvent" ("id", "workspaceId", "botId", "sessionId", "type", "payload") VALUES ${Prisma.join(values)}`;
}
