import { randomUUID } from 'node:crypto';
import type { Tx } from './create-db';
import type { SqlClient } from './sql-client';
import { Prisma, type Message as MessageRow } from './generated/client';
import { toJsonText } from './to-json-input';
import { toMessage, type Message } from './to-message';

export type InsertOutboundMessageInput = {
  workspaceId: string;
  channelId: string;
  sessionId: string | null;
  /** The recipient's address in the channel. */
  contact: string;
  /**
   * Unique per channel for one logical reply (e.g. `${sessionId}:${commandKey}`).
   * A retried turn that produces the same key gets the stored row back.
   */
  idempotencyKey: string;
  text: string | null;
  /** What the channel adapter renders (any JSON-serializable value). */
  payload: unknown;
  /**
   * Store the reply already claimed for delivery by this caller, as claimNextOutbound
   * would claim it (`token`, a lease of `leaseMs` from the database clock, `attempts` 1),
   * when no earlier reply of its contact is pending; otherwise it is stored unclaimed and
   * waits its turn. Saves the claim statement for the reply a worker delivers right after
   * its turn commits. Give it at most to the first reply of a contact in one statement
   * (the check cannot see the statement's own rows), and only under the contact's turn
   * lock (no earlier reply of the contact can be stored meanwhile). A caller that does not
   * deliver it leaves it held until the lease runs out.
   */
  lease?: { token: string; leaseMs: number };
};

/**
 * Queues a reply in the outbox with status 'pending', exactly once per
 * (channelId, idempotencyKey). On a repeat nothing is written and the stored
 * row comes back with `created: false` — whatever its status now (a caller
 * should enqueue delivery only for a created or still-pending row).
 */
export async function insertOutboundMessage(
  tx: Tx,
  input: InsertOutboundMessageInput,
): Promise<{ message: Message; created: boolean }> {
  const [result] = await insertOutboundMessages(tx, [input]);
  if (!result) throw new Error(`Outbound message ${input.idempotencyKey} was neither stored nor found`);
  return result;
}

/**
 * insertOutboundMessage for many replies in one statement; results in input
 * order. Rows are inserted in input order, so replies keep their order in `seq`.
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages); id and
 * createdAt are filled here as Prisma Client filled them. Repeats cost a second
 * statement: read in the same statement as the insert, a row a concurrent
 * transaction committed meanwhile would be invisible (statement snapshot).
 */
export async function insertOutboundMessages(
  tx: SqlClient,
  inputs: readonly InsertOutboundMessageInput[],
): Promise<{ message: Message; created: boolean }[]> {
  if (inputs.length === 0) return [];
  const inserted = await tx.$queryRaw<MessageRow[]>`${insertOutboundStatement(inputs)} RETURNING *`;
  const found = new Map<string, { message: Message; created: boolean }>();
  for (const row of inserted) found.set(keyOf(row), { message: toMessage(row), created: true });
  for (const row of await findOutboundRepeats(tx, inputs, found)) found.set(keyOf(row), { message: toMessage(row), created: false });
  return inputs.map((input) => {
    const result = found.get(keyOf({ channelId: input.channelId, channelMessageId: input.idempotencyKey }));
    if (!result) throw new Error(`Outbound message ${input.idempotencyKey} was neither stored nor found`);
    return result;
  });
}

/**
 * The INSERT of insertOutboundMessages without its RETURNING clause (also part of writeTurnBatch).
 * Rows go in input order (ORDER BY ord: their seq keeps it); a row given a `lease` takes
 * it only when its contact has no pending outbound message in the statement's snapshot.
 */
export function insertOutboundStatement(inputs: readonly InsertOutboundMessageInput[]): Prisma.Sql {
  const now = new Date();
  const rows = inputs.map(
    (input, index) =>
      Prisma.sql`(${index}::int, ${randomUUID()}::text, ${input.workspaceId}::text, ${input.channelId}::text, ${input.sessionId}::text, ${input.idempotencyKey}::text, ${input.contact}::text, ${input.text}::text, ${toJsonText(input.payload)}::jsonb, ${now}::timestamp, ${input.lease?.token ?? null}::text, ${input.lease?.leaseMs ?? null}::int)`,
  );
  return Prisma.sql`
    INSERT INTO "Message" ("id", "workspaceId", "channelId", "sessionId", "direction", "channelMessageId", "contact", "text", "payload", "status", "attempts", "createdAt", "deliveryToken", "deliveryLockedUntil")
    SELECT v."id", v."workspaceId", v."channelId", v."sessionId", 'outbound', v."key", v."contact", v."text", v."payload", 'pending',
           CASE WHEN l."leased" THEN 1 ELSE 0 END, v."createdAt",
           CASE WHEN l."leased" THEN v."token" END,
           CASE WHEN l."leased" THEN (clock_timestamp() AT TIME ZONE 'UTC') + (v."leaseMs" * interval '1 millisecond') END
    FROM (VALUES ${Prisma.join(rows)}) AS v("ord", "id", "workspaceId", "channelId", "sessionId", "key", "contact", "text", "payload", "createdAt", "token", "leaseMs")
    CROSS JOIN LATERAL (
      SELECT v."token" IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "Message" AS p
        WHERE p."channelId" = v."channelId" AND p."contact" = v."contact" AND p."direction" = 'outbound' AND p."status" = 'pending'
      ) AS "leased"
    ) AS l
    ORDER BY v."ord"
    ON CONFLICT DO NOTHING`;
}

/**
 * The stored rows of the `inputs` not in `found` (keyed by channel and idempotency
 * key): replies a repeated turn had already stored. A second statement, since the
 * insert's own snapshot cannot see a row another transaction committed meanwhile.
 */
export async function findOutboundRepeats(
  tx: SqlClient,
  inputs: readonly InsertOutboundMessageInput[],
  found: ReadonlyMap<string, unknown>,
): Promise<MessageRow[]> {
  const missing = inputs.filter((input) => !found.has(keyOf({ channelId: input.channelId, channelMessageId: input.idempotencyKey })));
  if (missing.length === 0) return [];
  const pairs = missing.map((input) => Prisma.sql`(${input.channelId}, ${input.idempotencyKey})`);
  return tx.$queryRaw<MessageRow[]>`
    SELECT * FROM "Message"
    WHERE "direction" = 'outbound' AND ("channelId", "channelMessageId") IN (${Prisma.join(pairs)})`;
}

/** The key replies are found by: channel and idempotency key (channelMessageId). */
export function keyOf(message: { channelId: string; channelMessageId: string | null }): string {
  return `${message.channelId}\u0000${message.channelMessageId ?? ''}`;
}
