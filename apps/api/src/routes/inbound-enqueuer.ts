import { createGroupCommit } from '@parley/db';
import { enqueueInbound, enqueueInboundBatch, type InboundJob, type InboundLane, type Queues } from '@parley/queue';

export type InboundEnqueuer = {
  /** Asks a worker for the contact's turn; resolves once the job is in Redis. */
  enqueue: (job: InboundJob, messageId: string, lane: InboundLane) => Promise<void>;
};

type Item = { job: InboundJob; messageId: string; lane: InboundLane };

/**
 * Group commit for inbox jobs: while one enqueue is on its way to Redis, the messages
 * stored meanwhile wait and go together as one job per lane (enqueueInboundBatch), so
 * under load the queue costs one job per burst instead of one per message; at low load
 * each message gets its own job at once, as before. If a batch's enqueue fails, its
 * messages are enqueued one by one (each caller learns its own outcome).
 */
export function createInboundEnqueuer(queues: Queues, options: { maxBatch?: number } = {}): InboundEnqueuer {
  const commit = createGroupCommit<Item, void>(
    async (items) => {
      for (const lane of ['main', 'bulk'] as const) {
        const ofLane = items.filter((item) => item.lane === lane);
        if (ofLane.length > 0) await enqueueInboundBatch(queues, ofLane, lane);
      }
      return items.map(() => undefined);
    },
    (item) => enqueueInbound(queues, item.job, item.messageId, item.lane),
    { maxBatch: options.maxBatch ?? 50, maxInFlight: 1 },
  );
  return { enqueue: (job, messageId, lane) => commit.run({ job, messageId, lane }) };
}
