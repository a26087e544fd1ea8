import { z } from 'zod';
import { isDeadlock } from './is-deadlock';
import type { SqlClient } from './sql-client';
import type { Message as MessageRow } from './generated/client';
import { toMessage, type Message } from './to-message';

export type ClaimNextOutboundInput = {
  channelId: string;
  contact: string;
  /** Identifies this delivery attempt; later calls about the lease must name it. */
  token: string;
  /** How long the claim holds unless renewed (renewOutboundLease). */
  leaseMs: number;
};

/**
 * - claimed: this caller now holds the lease on the contact's earliest pending reply
 *   (its `attempts` already counts this attempt) and should deliver it;
 * - busy: the earliest pending reply is leased by another attempt in flight
 *   (`inFlight`), or backs off after a failed attempt, until `until`: nothing of
 *   this contact may be sent now;
 * - idle: the contact has no pending reply.
 */
export type OutboundClaim =
  | { kind: 'claimed'; message: Message }
  | { kind: 'busy'; messageId: string; until: Date; inFlight: boolean }
  | { kind: 'idle' };

const headSchema = z.array(
  z.object({
    id: z.string(),
    lockedUntilMs: z.coerce.number().nullable(),
    inFlight: z.boolean(),
    nowMs: z.coerce.number(),
    /** Which input a row answers (claimNextOutbounds). */
    ord: z.coerce.number().optional(),
  }),
);

/**
 * Per-contact delivery order, decided in Postgres: only the contact's earliest
 * pending outbound message (seq order) can be claimed, and only when no lease or
 * backoff holds it. A later reply therefore never overtakes an earlier pending
 * one, whatever the number of workers or concurrent jobs, and a failing reply
 * blocks the ones after it until it is sent or permanently failed.
 * The claim is one statement that row-locks the head message (FOR UPDATE, in a
 * CTE so that it is evaluated once: as a rescanned join input, LockRows would skip
 * the rows this statement already updated and claim every pending message), so
 * two claimers of the same contact serialize on it and the second re-checks the
 * lease the first just took. Times come from the database clock (columns hold UTC).
 * The claim returns the claimed row itself: claiming costs one statement.
 */
export async function claimNextOutbound(db: SqlClient, input: ClaimNextOutboundInput): Promise<OutboundClaim> {
  for (let tries = 0; ; tries++) {
    const [claimed] = await retryOnDeadlock(() => db.$queryRaw<MessageRow[]>`
      WITH head AS (
        SELECT "id" FROM "Message"
        WHERE "channelId" = ${input.channelId} AND "contact" = ${input.contact}
          AND "direction" = 'outbound' AND "status" = 'pending'
        ORDER BY "seq" LIMIT 1
        FOR UPDATE
      )
      UPDATE "Message" AS m
      SET "deliveryToken" = ${input.token},
          "deliveryLockedUntil" = (clock_timestamp() AT TIME ZONE 'UTC') + (${input.leaseMs}::int * interval '1 millisecond'),
          "attempts" = m."attempts" + 1
      FROM head
      WHERE m."id" = head."id" AND m."status" = 'pending'
        AND (m."deliveryLockedUntil" IS NULL OR m."deliveryLockedUntil" <= (clock_timestamp() AT TIME ZONE 'UTC'))
      RETURNING m.*`);
    if (claimed) return { kind: 'claimed', message: toMessage(claimed) };
    // Not claimed: tell "nothing pending" from "held back". The head can also have
    // just been sent by another worker (then the next one is free: try again).
    const [head] = headSchema.parse(
      await db.$queryRaw`
        SELECT "id",
               (extract(epoch from "deliveryLockedUntil") * 1000)::bigint AS "lockedUntilMs",
               ("deliveryToken" IS NOT NULL) AS "inFlight",
               (extract(epoch from (clock_timestamp() AT TIME ZONE 'UTC')) * 1000)::bigint AS "nowMs"
        FROM "Message"
        WHERE "channelId" = ${input.channelId} AND "contact" = ${input.contact}
          AND "direction" = 'outbound' AND "status" = 'pending'
        ORDER BY "seq" LIMIT 1`,
    );
    if (!head) return { kind: 'idle' };
    if (head.lockedUntilMs !== null && head.lockedUntilMs > head.nowMs) {
      return { kind: 'busy', messageId: head.id, until: new Date(head.lockedUntilMs), inFlight: head.inFlight };
    }
    if (tries >= 2) return { kind: 'busy', messageId: head.id, until: new Date(head.nowMs), inFlight: head.inFlight };
  }
}

/**
 * claimNextOutbound for many contacts in one statement (results in input order),
 * for deliveries running at the same time: each input's contact's earliest
 * pending reply is claimed with that input's token and lease, under the same
 * rules (head only, row-locked, only when no lease or backoff holds it). Of two
 * inputs for the same contact, the first claims and the second finds it busy.
 * Inputs not claimed are told apart (busy or idle) by one more statement; one
 * whose head was just sent meanwhile is retried by claimNextOutbound.
 */
export async function claimNextOutbounds(db: SqlClient, inputs: readonly ClaimNextOutboundInput[]): Promise<OutboundClaim[]> {
  if (inputs.length === 0) return [];
  // Heads are locked in contact order, the same in every batch: two batches claiming
  // overlapping contacts then wait for each other instead of deadlocking.
  const byContact = [...inputs].sort((a, b) => (a.channelId === b.channelId ? compare(a.contact, b.contact) : compare(a.channelId, b.channelId)));
  const claimed = await retryOnDeadlock(() => db.$queryRaw<MessageRow[]>`
    WITH wanted AS (
      SELECT * FROM unnest(${byContact.map((input) => input.channelId)}::text[], ${byContact.map((input) => input.contact)}::text[],
                           ${byContact.map((input) => input.token)}::text[], ${byContact.map((input) => input.leaseMs)}::int[])
        WITH ORDINALITY AS w("channelId", "contact", "token", "leaseMs", "ord")
    ), heads AS MATERIALIZED (
      SELECT DISTINCT ON (h."id") h."id", w."token", w."leaseMs"
      FROM wanted AS w
      CROSS JOIN LATERAL (
        SELECT "id" FROM "Message"
        WHERE "channelId" = w."channelId" AND "contact" = w."contact" AND "direction" = 'outbound' AND "status" = 'pending'
        ORDER BY "seq" LIMIT 1
        FOR UPDATE
      ) AS h
      ORDER BY h."id", w."ord"
    )
    UPDATE "Message" AS m
    SET "deliveryToken" = heads."token",
        "deliveryLockedUntil" = (clock_timestamp() AT TIME ZONE 'UTC') + (heads."leaseMs" * interval '1 millisecond'),
        "attempts" = m."attempts" + 1
    FROM heads
    WHERE m."id" = heads."id" AND m."status" = 'pending'
      AND (m."deliveryLockedUntil" IS NULL OR m."deliveryLockedUntil" <= (clock_timestamp() AT TIME ZONE 'UTC'))
    RETURNING m.*`);
  const byToken = new Map(claimed.map((row) => [row.deliveryToken, row]));
  const missing = inputs.filter((input) => !byToken.has(input.token));
  const heads = new Map<string, z.infer<typeof headSchema>[number]>();
  if (missing.length > 0) {
    const rows = headSchema.parse(
      await db.$queryRaw`
        SELECT w."ord", h.*
        FROM unnest(${missing.map((input) => input.channelId)}::text[], ${missing.map((input) => input.contact)}::text[])
          WITH ORDINALITY AS w("channelId", "contact", "ord")
        CROSS JOIN LATERAL (
          SELECT "id",
                 (extract(epoch from "deliveryLockedUntil") * 1000)::bigint AS "lockedUntilMs",
                 ("deliveryToken" IS NOT NULL) AS "inFlight",
                 (extract(epoch from (clock_timestamp() AT TIME ZONE 'UTC')) * 1000)::bigint AS "nowMs"
          FROM "Message"
          WHERE "channelId" = w."channelId" AND "contact" = w."contact" AND "direction" = 'outbound' AND "status" = 'pending'
          ORDER BY "seq" LIMIT 1
        ) AS h`,
    );
    for (const row of rows) {
      const input = missing[Number(row.ord) - 1];
      if (input) heads.set(input.token, row);
    }
  }
  return Promise.all(
    inputs.map(async (input): Promise<OutboundClaim> => {
      const row = byToken.get(input.token);
      if (row) return { kind: 'claimed', message: toMessage(row) };
      const head = heads.get(input.token);
      if (!head) return { kind: 'idle' };
      if (head.lockedUntilMs !== null && head.lockedUntilMs > head.nowMs) {
        return { kind: 'busy', messageId: head.id, until: new Date(head.lockedUntilMs), inFlight: head.inFlight };
      }
      // Free now: its holder just let it go (sent, or released after a failure).
      return claimNextOutbound(db, input);
    }),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Runs a claim statement again when Postgres picked it as a deadlock victim (it was
 * rolled back whole: nothing was claimed), at most three times. The claim statements run
 * on their own (autocommit), so a retry repeats exactly the failed work.
 */
async function retryOnDeadlock<T>(run: () => PromiseLike<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 3 || !isDeadlock(error)) throw error;
    }
  }
}
