import type { Queues } from './create-queues';

function markerKey(prefix: string): string {
  return `${prefix}:parley:reconciled`;
}

/**
 * Notes in Redis, under the queues' prefix, that every job Postgres knows of has
 * been (re-)created. Written at the start of a full reconcile.
 */
export async function markQueuesReconciled(queues: Queues): Promise<void> {
  await queues.connection.set(markerKey(queues.prefix), new Date().toISOString());
}

/**
 * True when the marker is gone: Redis lost its data since the last full reconcile
 * (FLUSHALL / FLUSHDB, a restart of a Redis that keeps nothing on disk), so the
 * queues may miss jobs of any age — e.g. a timer due in an hour — and a full
 * reconcile is due.
 */
export async function queuesLostData(queues: Queues): Promise<boolean> {
  return (await queues.connection.exists(markerKey(queues.prefix))) === 0;
}
