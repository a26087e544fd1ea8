import type { Db } from './create-db';
import { createGroupCommit } from './group-commit';
import { sqlClientOf } from './sql-client';
import { insertInboundMessage, insertInboundMessages, type InsertInboundMessageInput, type InsertedInbound } from './insert-inbound-message';

export type InboundBatcher = {
  /** Stores one inbound message (see insertInboundMessage); resolves after its row is committed. */
  insert: (input: InsertInboundMessageInput) => Promise<InsertedInbound>;
};

export type InboundBatcherOptions = {
  /** Most messages in one INSERT (default 200). */
  maxBatch?: number;
  /** Most INSERTs running at once (default 4); more messages wait and go in the next batch. */
  maxInFlight?: number;
};

/**
 * Group commit for the webhook ingress: while `maxInFlight` inserts are running,
 * messages arriving meanwhile queue up and are written together by the next
 * INSERT (one statement, one commit). Nothing waits for a timer: at low load
 * every message is written at once, alone; under load a batch holds what
 * arrived during one insert's round trip. Each caller still resolves only
 * after its own row is committed, so an acknowledgement still means "stored".
 * If a batch fails, its messages are retried one by one (in order, so a
 * contact's messages keep their order in `seq`), so one bad message (or a
 * momentary error) fails only its own request (createGroupCommit).
 */
export function createInboundBatcher(db: Db, options: InboundBatcherOptions = {}): InboundBatcher {
  // Straight on the pool, without Prisma's per-query work: this is the ingress's only write.
  const sql = sqlClientOf(db);
  const group = createGroupCommit(
    (inputs: InsertInboundMessageInput[]) => insertInboundMessages(sql, inputs),
    insertInboundMessage.bind(null, sql),
    { maxBatch: options.maxBatch ?? 200, maxInFlight: options.maxInFlight ?? 4 },
  );
  return { insert: group.run };
}
