/**
 * - main: the inbound queue every workspace's messages go to;
 * - bulk: where a workspace sending faster than its share goes (see createInboundLanes).
 */
export type InboundLane = 'main' | 'bulk';

export type InboundLanes = {
  /** Counts one message of the workspace and says which lane it goes to. */
  laneOf: (workspaceId: string) => InboundLane;
};

/**
 * Fair scheduling of turn work between workspaces, in two lanes. Each API process
 * measures every workspace's message rate over the last second (two one-second buckets,
 * the older one weighted by how much of it is still in the window); a workspace above
 * `ratePerSecond` sends its new messages to the bulk lane, and keeps doing so until its
 * rate falls to half of that: a flood that workers hold to their bulk-lane share
 * (BULK_LANE_RATE, while others talk) sends only as fast as it is answered, and without
 * that margin it would drop back into the main lane each time its rate dipped under the
 * threshold, and flood it at full speed for a moment. Workers take both lanes with
 * the same concurrency, so a workspace flooding the platform alone loses no throughput,
 * while the messages of every other workspace never queue behind its backlog: they stay
 * in the main lane. A contact's order is kept whatever lane its jobs take (an inbox job
 * drains the contact's messages in arrival order). In-process and approximate on
 * purpose: no Redis round trip per message; with several API processes the limit
 * applies per process.
 */
export function createInboundLanes(options: { ratePerSecond: number; now?: () => number }): InboundLanes {
  const now = options.now ?? (() => Date.now());
  let second = Math.floor(now() / 1_000);
  let current = new Map<string, number>();
  let previous = new Map<string, number>();
  /** Workspaces in the bulk lane (until their rate falls to half of ratePerSecond). */
  const bulk = new Set<string>();
  return {
    laneOf: (workspaceId) => {
      const time = now();
      const at = Math.floor(time / 1_000);
      if (at !== second) {
        // Buckets older than the previous second count for nothing (and are forgotten).
        previous = at === second + 1 ? current : new Map();
        current = new Map();
        second = at;
        for (const workspace of bulk) if (!previous.has(workspace)) bulk.delete(workspace);
      }
      const count = (current.get(workspaceId) ?? 0) + 1;
      current.set(workspaceId, count);
      const stillInWindow = 1 - (time - at * 1_000) / 1_000;
      const rate = count + (previous.get(workspaceId) ?? 0) * stillInWindow;
      if (rate > options.ratePerSecond || (bulk.has(workspaceId) && rate > options.ratePerSecond / 2)) {
        bulk.add(workspaceId);
        return 'bulk';
      }
      bulk.delete(workspaceId);
      return 'main';
    },
  };
}
