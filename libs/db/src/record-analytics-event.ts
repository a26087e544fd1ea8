import type { Tx } from './create-db';
import { Prisma, type AnalyticsEvent } from './generated/client';
import { toJsonInput, toJsonText } from './to-json-input';

export type RecordAnalyticsEventInput = {
  workspaceId: string;
  botId?: string | null;
  sessionId?: string | null;
  /** Dotted event name, e.g. 'session.started'. */
  type: string;
  payload: unknown;
};

/** Appends one analytics event. Pass the turn's transaction to record it atomically with the turn. */
export async function recordAnalyticsEvent(db: Tx, input: RecordAnalyticsEventInput): Promise<AnalyticsEvent> {
  return db.analyticsEvent.create({
    data: {
      workspaceId: input.workspaceId,
      botId: input.botId ?? null,
      sessionId: input.sessionId ?? null,
      type: input.type,
      payload: toJsonInput(input.payload),
    },
  });
}

/** The INSERT of many analytics events, as recordAnalyticsEvent writes them (for writeTurnBatch); RETURNING nothing. */
export function insertAnalyticsEventsStatement(inputs: readonly RecordAnalyticsEventInput[]): Prisma.Sql {
  const values = inputs.map(
    (input) =>
      Prisma.sql`(gen_random_uuid()::text, ${input.workspaceId}, ${input.botId ?? null}, ${input.sessionId ?? null}, ${input.type}, ${toJsonText(input.payload)}::jsonb)`,
  );
  return Prisma.sql`INSERT INTO "AnalyticsEvent" ("id", "workspaceId", "botId", "sessionId", "type", "payload") VALUES ${Prisma.join(values)}`;
}
