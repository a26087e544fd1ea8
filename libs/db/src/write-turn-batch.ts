import { armSessionTimersStatement, type ArmSessionTimerInput } from './arm-session-timer';
import { cancelSessionTimersStatement } from './cancel-session-timer';
import { Prisma } from './generated/client';
import { findOutboundRepeats, insertOutboundStatement, keyOf, type InsertOutboundMessageInput } from './insert-outbound-message';
import { insertSessionStartedEventsStatement, insertStartedSessionsStatement, type StartedSessionInput } from './insert-started-sessions';
import { markInboundProcessedStatement } from './mark-inbound-processed';
import { upsertPersonAttributesStatements, type PersonAttributesWrite } from './person-attribute-statements';
import { insertAnalyticsEventsStatement, type RecordAnalyticsEventInput } from './record-analytics-event';
import { insertSessionCallsStatement, markSessionCallsAppliedStatement, type BatchSessionCallInput } from './session-call-statements';
import type { SqlClient } from './sql-client';
import type { Message } from './to-message';
import { throwIfRefused, updateActiveSessionsStatement, type UpdateActiveSessionInput } from './update-session';

export type TurnBatchWrites = {
  /** Replies to store (insertOutboundMessages), in order. */
  replies: readonly InsertOutboundMessageInput[];
  /** Timers to arm (armSessionTimers). */
  armed: readonly ArmSessionTimerInput[];
  /** Pending timers to cancel (cancelSessionTimers); never one armed in the same batch. */
  cancelled: readonly { sessionId: string; timerId: string }[];
  /** Sessions to save, each at its expected version (updateActiveSessions; one with an ended status ends). */
  sessions: readonly UpdateActiveSessionInput[];
  /** Sessions these turns started (with their 'session.started' events); none by default. */
  started?: readonly StartedSessionInput[];
  /** Calls these turns reached that run outside the turn (SessionCall rows, pending); none by default. */
  calls?: readonly BatchSessionCallInput[];
  /** Stored call results these turns fed to their sessions (marked applied); none by default. */
  appliedCalls?: readonly string[];
  /** Inbound messages handled, with their sessions (markInboundProcessedBySession). */
  processed: readonly { messageIds: readonly string[]; sessionId: string | null }[];
  /** Sessions that ended: every pending timer of theirs is cancelled (none may be armed in the same batch). */
  ended?: readonly string[];
  /** Analytics events to record (session.closed, messages routed to an agent ...); none by default. */
  events?: readonly RecordAnalyticsEventInput[];
  /** Person-scoped attribute values to merge into profiles, each person once; none by default. */
  persons?: readonly PersonAttributesWrite[];
};

/**
 * Per reply, in input order: its stored id, whether it still waits for delivery (a repeat
 * may not), and, for a reply given a `lease` that took it, the stored message the caller
 * now holds for delivery (as claimNextOutbound would have returned it).
 */
export type StoredReply = { id: string; pending: boolean; leased?: Message };

/** What writeTurnBatch stored: the replies (in input order), and the timers cancelled because their sessions ended. */
export type TurnBatchResult = { replies: StoredReply[]; cancelledTimers: { sessionId: string; timerId: string }[] };

/**
 * All the writes of a batch of turns in one statement (one round trip): the
 * same writes as insertOutboundMessages, armSessionTimers, cancelSessionTimers,
 * updateActiveSessions and markInboundProcessedBySession (and the sessions
 * started, as createSession and recordAnalyticsEvent would write them; the
 * other parts may name them: foreign keys are checked at the end of the
 * statement), as data-modifying parts of one WITH query. They touch different rows and all see the snapshot
 * the statement started with — hence no timer may be both armed and cancelled
 * in one batch (the caller drops such a pair: it never needs a row).
 * Call it in the batch's transaction: if a session's write is refused (its
 * version moved on), it throws as updateActiveSessions does and the caller must
 * roll back. A reply already stored (a repeated turn) costs a second statement.
 */
export async function writeTurnBatch(tx: SqlClient, writes: TurnBatchWrites): Promise<TurnBatchResult> {
  const parts: Prisma.Sql[] = [];
  const started = writes.started ?? [];
  if (started.length > 0) {
    parts.push(Prisma.sql`started AS (${insertStartedSessionsStatement(started)})`);
    parts.push(Prisma.sql`started_events AS (${insertSessionStartedEventsStatement(started)})`);
  }
  if (writes.calls && writes.calls.length > 0) parts.push(Prisma.sql`calls AS (${insertSessionCallsStatement(writes.calls)})`);
  if (writes.appliedCalls && writes.appliedCalls.length > 0) parts.push(Prisma.sql`applied AS (${markSessionCallsAppliedStatement(writes.appliedCalls)})`);
  if (writes.replies.length > 0) {
    parts.push(Prisma.sql`replies AS (${insertOutboundStatement(writes.replies)} RETURNING "id", "channelId", "channelMessageId", "deliveryToken", "seq", "createdAt", "deliveryLockedUntil", "payload")`);
  }
  if (writes.armed.length > 0) parts.push(Prisma.sql`armed AS (${armSessionTimersStatement(writes.armed)})`);
  if (writes.cancelled.length > 0) parts.push(Prisma.sql`cancelled AS (${cancelSessionTimersStatement(writes.cancelled)})`);
  if (writes.sessions.length > 0) parts.push(Prisma.sql`sessions AS (${updateActiveSessionsStatement(writes.sessions)} RETURNING s."id")`);
  if (writes.processed.some((group) => group.messageIds.length > 0)) parts.push(Prisma.sql`processed AS (${markInboundProcessedStatement(writes.processed)})`);
  const ended = writes.ended ?? [];
  if (ended.length > 0) {
    parts.push(Prisma.sql`ended AS (
      UPDATE "SessionTimer" SET "status" = 'cancelled', "settledAt" = ${new Date()}
      WHERE "sessionId" = ANY(${[...ended]}::text[]) AND "status" = 'pending'
      RETURNING "sessionId", "timerId")`);
  }
  if (writes.events && writes.events.length > 0) parts.push(Prisma.sql`events AS (${insertAnalyticsEventsStatement(writes.events)})`);
  upsertPersonAttributesStatements(writes.persons ?? []).forEach((statement, index) => parts.push(Prisma.sql`${Prisma.raw(`persons${index}`)} AS (${statement})`));
  if (parts.length === 0) return { replies: [], cancelledTimers: [] };
  const results: Prisma.Sql[] = [
    Prisma.sql`SELECT NULL::text AS "kind", NULL::text AS "id", NULL::text AS "channelId", NULL::text AS "key", NULL::text AS "token", NULL::bigint AS "seq", NULL::timestamp AS "createdAt", NULL::timestamp AS "lockedUntil", NULL::jsonb AS "payload" WHERE false`,
  ];
  if (writes.replies.length > 0) {
    // The payload only of a leased reply: the one row the caller gets back whole (leasedMessage).
    results.push(Prisma.sql`SELECT 'reply', "id", "channelId", "channelMessageId", "deliveryToken", "seq", "createdAt", "deliveryLockedUntil",
      CASE WHEN "deliveryToken" IS NOT NULL THEN "payload" END FROM replies`);
  }
  if (writes.sessions.length > 0) results.push(Prisma.sql`SELECT 'session', "id", NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM sessions`);
  if (ended.length > 0) results.push(Prisma.sql`SELECT 'timer', "sessionId", NULL, "timerId", NULL, NULL, NULL, NULL, NULL FROM ended`);
  const rows = await tx.$queryRaw<ResultRow[]>`
    WITH ${Prisma.join(parts, ',\n')}
    ${Prisma.join(results, '\nUNION ALL\n')}`;

  await throwIfRefused(tx, writes.sessions, new Set(rows.filter((row) => row.kind === 'session').map((row) => row.id)));
  const stored = new Map<string, StoredReply>();
  const inputOf = new Map(writes.replies.map((reply) => [keyOf({ channelId: reply.channelId, channelMessageId: reply.idempotencyKey }), reply]));
  for (const row of rows) {
    if (row.kind !== 'reply' || row.channelId === null) continue;
    const key = keyOf({ channelId: row.channelId, channelMessageId: row.key });
    const input = inputOf.get(key);
    const leased = input && row.token !== null ? leasedMessage(input, row) : undefined;
    stored.set(key, { id: row.id, pending: true, ...(leased ? { leased } : {}) });
  }
  for (const row of await findOutboundRepeats(tx, writes.replies, stored)) stored.set(keyOf(row), { id: row.id, pending: row.status === 'pending' });
  const replies = writes.replies.map((reply) => {
    const found = stored.get(keyOf({ channelId: reply.channelId, channelMessageId: reply.idempotencyKey }));
    if (!found) throw new Error(`Outbound message ${reply.idempotencyKey} was neither stored nor found`);
    return found;
  });
  const cancelledTimers = rows.flatMap((row) => (row.kind === 'timer' && row.key !== null ? [{ sessionId: row.id, timerId: row.key }] : []));
  return { replies, cancelledTimers };
}

type ResultRow = {
  kind: string;
  id: string;
  channelId: string | null;
  key: string | null;
  token: string | null;
  seq: bigint | null;
  createdAt: Date | null;
  lockedUntil: Date | null;
  payload: Prisma.JsonValue;
};

/** The reply as stored with its lease (the row the statement wrote, from its input and RETURNING). */
function leasedMessage(input: InsertOutboundMessageInput, row: ResultRow): Message {
  return {
    seq: row.seq ?? BigInt(0),
    id: row.id,
    workspaceId: input.workspaceId,
    channelId: input.channelId,
    sessionId: input.sessionId,
    direction: 'outbound',
    channelMessageId: input.idempotencyKey,
    contact: input.contact,
    text: input.text,
    payload: row.payload,
    status: 'pending',
    attempts: 1,
    error: null,
    createdAt: row.createdAt ?? new Date(),
    processedAt: null,
    sentAt: null,
    deliveryToken: row.token,
    deliveryLockedUntil: row.lockedUntil,
    providerMessageId: null,
    deliveryStatus: null,
    deliveryStatusAt: null,
  };
}
