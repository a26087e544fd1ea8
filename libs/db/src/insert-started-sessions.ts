import type { SessionStatus } from './column-schemas';
import { Prisma } from './generated/client';
import { insertAnalyticsEventsStatement } from './record-analytics-event';
import { sessionActiveKey } from './session-active-key';
import { toJsonText } from './to-json-input';

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
  /** 'active' unless these turns also ended it (then it is stored ended: no activeKey, closedAt set). */
  status?: SessionStatus;
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
  const values = inputs.map((input) => {
    const status = input.status ?? 'active';
    const active = status === 'active';
    return Prisma.sql`(${input.id}, ${input.workspaceId}, ${input.botId}, ${input.botVersionId}, ${input.channelId}, ${input.contact}, ${status},
      ${toJsonText(input.state)}::jsonb, ${input.version}::int, ${active ? sessionActiveKey(input.channelId, input.contact) : null}, ${now}, ${now}, ${now},
      ${active ? input.expiresAt : null}::timestamp(3), ${active ? null : now}::timestamp(3))`;
  });
  return Prisma.sql`
    INSERT INTO "Session" ("id", "workspaceId", "botId", "botVersionId", "channelId", "contact", "status", "state", "version", "activeKey", "createdAt", "updatedAt", "lastActivityAt", "expiresAt", "closedAt")
    VALUES ${Prisma.join(values)}`;
}

/** The 'session.started' analytics events of those sessions (as recordAnalyticsEvent writes them). */
export function insertSessionStartedEventsStatement(inputs: readonly StartedSessionInput[]): Prisma.Sql {
  return insertAnalyticsEventsStatement(
    inputs.map((input) => ({ workspaceId: input.workspaceId, botId: input.botId, sessionId: input.id, type: 'session.started', payload: { botVersion: input.botVersionNumber } })),
  );
}
