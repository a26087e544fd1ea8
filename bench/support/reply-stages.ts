import pg from 'pg';
import { percentile } from '../bench-suite';

/** One echo exchange as the load generator saw it: wall-clock ms (performance.timeOrigin + now()). */
export type TracedReply = { contact: string; text: string; sentAt: number; arrivedAt: number };

export type ReplyStages = {
  /** Sent → the inbound message stored (HTTP, the API's checks, its insert). */
  ingress: number[];
  /** Stored → the turn decided on the reply (enqueue, Redis, the worker's pick-up and turn batch, lock and load). */
  pickup: number[];
  /** Decided → the reply at the customer's receiver (the turn's write and commit, dispatch, HTTP delivery). */
  delivery: number[];
};

/**
 * Splits echo round trips into stages from the database's own timestamps: the inbound
 * message's createdAt (its insert transaction) and its echo's createdAt (the worker's
 * clock when the turn planned it). Same machine, same clock as the load generator.
 */
export async function replyStages(databaseUrl: string, channelId: string, replies: readonly TracedReply[]): Promise<ReplyStages> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ contact: string; text: string; stored: number; decided: number }>(
      `SELECT i."contact", i."text",
              extract(epoch from i."createdAt") * 1000 AS "stored",
              extract(epoch from o."createdAt") * 1000 AS "decided"
         FROM "Message" i
         JOIN "Message" o ON o."channelId" = i."channelId" AND o."contact" = i."contact"
                         AND o."direction" = 'outbound' AND o."text" = 'echo ' || i."text"
        WHERE i."channelId" = $1 AND i."direction" = 'inbound'`,
      [channelId],
    );
    const byKey = new Map(rows.map((row) => [`${row.contact}\n${row.text}`, { stored: Number(row.stored), decided: Number(row.decided) }]));
    const stages: ReplyStages = { ingress: [], pickup: [], delivery: [] };
    for (const reply of replies) {
      const row = byKey.get(`${reply.contact}\n${reply.text}`);
      if (!row) continue;
      stages.ingress.push(row.stored - reply.sentAt);
      stages.pickup.push(row.decided - row.stored);
      stages.delivery.push(reply.arrivedAt - row.decided);
    }
    return stages;
  } finally {
    await client.end();
  }
}

/** p50 and p99 of each stage, for a bench row. */
export function stageFigures(stages: ReplyStages): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const [stage, samples] of Object.entries(stages)) {
    figures[`${stage}_p50_ms`] = percentile(samples, 50);
    figures[`${stage}_p99_ms`] = percentile(samples, 99);
  }
  return figures;
}
