import { randomUUID } from 'node:crypto';
import type { SqlClient } from './sql-client';
import { Prisma, type Message as MessageRow } from './generated/client';
import { toJsonInput } from './to-json-input';
import { toMessage, type Message } from './to-message';

export type InsertInboundMessageInput = {
  workspaceId: string;
  channelId: string;
  /** The channel's own id for the message: the deduplication key. */
  channelMessageId: string;
  /** The sender's address in the channel. */
  contact: string;
  text: string | null;
  /** The parsed message as the channel delivered it (any JSON-serializable value). */
  payload: unknown;
};

export type InsertedInbound = { message: Message; duplicate: boolean };

/**
 * Records an inbound message in the inbox with status 'received', exactly
 * once per (channelId, channelMessageId). A repeat — a channel retrying its
 * webhook, even concurrently — writes nothing and returns the stored row with
 * `duplicate: true`.
 */
export async function insertInboundMessage(db: SqlClient, input: InsertInboundMessageInput): Promise<InsertedInbound> {
  const [result] = await insertInboundMessages(db, [input]);
  if (!result) throw new Error('insertInboundMessages returned no result');
  return result;
}

/**
 * insertInboundMessage for many messages in one statement (one round trip, one
 * commit when `db` is not a transaction): results are in input order. Rows are
 * inserted in input order, so a contact's messages keep their order in `seq`.
 * Within the batch, the first message with a key is stored and later ones are
 * its duplicates. Race-safe: INSERT ... ON CONFLICT DO NOTHING waits for a
 * concurrent insert of the same key, then the winner is read back.
 * NUL characters, which Postgres text and jsonb cannot hold, are stored as
 * U+FFFD (in every field; the message is kept, not refused).
 * createdAt is the transaction's time in UTC (as Prisma stores it, whatever the
 * database session's time zone), the same for every message of a batch.
 * Raw SQL on purpose: this is the webhook ingress's only write, and the query
 * builder cost more CPU than Postgres did (docs/operations.md, "Benchmarks").
 */
export async function insertInboundMessages(db: SqlClient, given: readonly InsertInboundMessageInput[]): Promise<InsertedInbound[]> {
  if (given.length === 0) return [];
  const inputs = given.map((input) => ({ ...withoutNul(input), payload: withoutNul(toJsonInput(input.payload)) }));
  const rows = inputs.map(
    (input) =>
      Prisma.sql`(${randomUUID()}, ${input.workspaceId}, ${input.channelId}, 'inbound', ${input.channelMessageId}, ${input.contact}, ${input.text}, ${JSON.stringify(input.payload)}::jsonb, 'received', now() AT TIME ZONE 'UTC')`,
  );
  const inserted = await db.$queryRaw<MessageRow[]>`
    INSERT INTO "Message" ("id", "workspaceId", "channelId", "direction", "channelMessageId", "contact", "text", "payload", "status", "createdAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("channelId", "direction", "channelMessageId") DO NOTHING
    RETURNING *`;
  const byKey = new Map<string, { row: MessageRow; claimed: boolean }>();
  for (const row of inserted) byKey.set(keyOf(row), { row, claimed: false });
  const missing = inputs.filter((input) => !byKey.has(keyOf(input)));
  if (missing.length > 0) {
    const pairs = missing.map((input) => Prisma.sql`(${input.channelId}, ${input.channelMessageId})`);
    const existing = await db.$queryRaw<MessageRow[]>`
      SELECT * FROM "Message"
      WHERE "direction" = 'inbound' AND ("channelId", "channelMessageId") IN (${Prisma.join(pairs)})`;
    // Stored before this batch: every input with the key is a duplicate.
    for (const row of existing) byKey.set(keyOf(row), { row, claimed: true });
  }
  return inputs.map((input) => {
    const entry = byKey.get(keyOf(input));
    if (!entry) throw new Error(`Inbound message ${input.channelMessageId} was neither stored nor found`);
    const duplicate = entry.claimed;
    entry.claimed = true;
    return { message: toMessage(entry.row), duplicate };
  });
}

function keyOf(message: { channelId: string; channelMessageId: string }): string {
  return `${message.channelId}\u0000${message.channelMessageId}`;
}

/** `value` with every NUL character in its strings (and object keys) replaced by U+FFFD. */
function withoutNul<T>(value: T): T;
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
  if (Array.isArray(value)) return value.map((item) => withoutNul(item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [withoutNul(key), withoutNul(item)]));
  }
  return value;
}
