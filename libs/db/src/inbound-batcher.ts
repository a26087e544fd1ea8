import type { Db } from './create-db';
import { insertInboundMessages, type InsertInboundMessageInput, type InsertedInbound } from './insert-inbound-message';

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
 * If a batch fails, its messages are retried one by one (in order), so one bad
 * message (or a momentary error) fails only its own request.
 */
export function createInboundBatcher(db: Db, options: InboundBatcherOptions = {}): InboundBatcher {
  const maxBatch = options.maxBatch ?? 200;
  const maxInFlight = options.maxInFlight ?? 4;
  type Waiting = { input: InsertInboundMessageInput; resolve: (value: InsertedInbound) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let inFlight = 0;

  const write = async (batch: Waiting[]): Promise<void> => {
    try {
      const results = await insertInboundMessages(db, batch.map((waiting) => waiting.input));
      batch.forEach((waiting, index) => {
        const result = results[index];
        if (result) waiting.resolve(result);
        else waiting.reject(new Error('insertInboundMessages returned too few results'));
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One by one, in arrival order, so a contact's messages keep their order in `seq`.
      for (const waiting of batch) {
        try {
          const [result] = await insertInboundMessages(db, [waiting.input]);
          if (result) waiting.resolve(result);
          else waiting.reject(new Error('insertInboundMessages returned no result'));
        } catch (single) {
          waiting.reject(single);
        }
      }
    }
  };

  const pump = (): void => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      inFlight += 1;
      void write(batch).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };

  return {
    insert: (input) =>
      new Promise<InsertedInbound>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        pump();
      }),
  };
}
