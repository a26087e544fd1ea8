/**
 * The worker's side of fair scheduling between workspaces (the API's side is
 * createInboundLanes). While another workspace talks at an ordinary pace — it had a
 * main-lane turn within the last `contendedForMs` — the bulk lane (workspaces sending
 * faster than their share) starts at most `ratePerSecond` turns a second, first come
 * first served, in groups every `tickMs` (so that they share a turn batch rather than
 * paying for a transaction each); with nobody else talking, bulk turns run at once, so
 * a workspace flooding the platform alone loses nothing.
 *
 * The gate is asked at turn-batch formation (createGroupCommit's `admit`), not when a
 * job is fetched: what a workspace that starts talking meets of a flood is the one bulk
 * batch already running, never a backlog already let in. The flood's surplus waits
 * (nothing is dropped, each contact's order is kept: an inbox job drains its contact's
 * messages in arrival order), and every other workspace's turns find the worker, the
 * database pool and the machine with room to spare.
 *
 * A workspace counts as talking for `contendedForMs` after its last main-lane turn: an
 * ordinary workspace's messages come seconds apart, and each one that found the flood
 * at full speed again would meet its whole batch. Keep the rate above half of the API's
 * WORKSPACE_TURN_RATE: a flood admitted below that would leave the bulk lane (see
 * createInboundLanes) and come back in the main lane. Main-lane work of a workspace
 * that has bulk work too (its first messages of a burst, before its rate crossed the
 * threshold) is its own traffic, not contention: it never holds its own flood back.
 */
export type BulkLaneGate = {
  /** A main-lane job of `workspaceId` (unknown: undefined) started. */
  noteMainWork: (workspaceId?: string) => void;
  /** A bulk-lane job of `workspaceId` started (its workspace's main-lane work is then its own). */
  noteBulkWork: (workspaceId?: string) => void;
  /** How many of `wanted` waiting bulk turns may start now; when fewer, when to ask again. */
  admit: (wanted: number) => { take: number; askAgainInMs?: number };
};

export function createBulkLaneGate(options: {
  ratePerSecond: number;
  /** How long a workspace counts as talking after its last main-lane turn; default 10 s. */
  contendedForMs?: number;
  /** While contended, waiting turns are admitted together every this many ms (so they share a turn batch); default 100. */
  tickMs?: number;
  now?: () => number;
}): BulkLaneGate {
  const now = options.now ?? (() => Date.now());
  const contendedForMs = options.contendedForMs ?? 10_000;
  const tickMs = options.tickMs ?? 100;
  const perTick = (options.ratePerSecond * tickMs) / 1_000;
  /** When each workspace last had a main-lane job / a bulk-lane job ('' : unknown workspace). */
  const mainSeen = new Map<string, number>();
  const bulkSeen = new Map<string, number>();
  /** Until when the main lane counts as busy with other workspaces' work. */
  const contendedUntil = (time: number): number => {
    let until = Number.NEGATIVE_INFINITY;
    for (const [workspace, at] of bulkSeen) if (at + contendedForMs <= time) bulkSeen.delete(workspace);
    for (const [workspace, at] of mainSeen) {
      if (at + contendedForMs <= time) mainSeen.delete(workspace);
      else if (!bulkSeen.has(workspace)) until = Math.max(until, at + contendedForMs);
    }
    return until;
  };
  /** Admissions left in the current tick (a fraction carries over to the next). */
  let allowance = 0;
  let tickEnds = Number.NEGATIVE_INFINITY;

  return {
    noteMainWork: (workspaceId) => {
      mainSeen.set(workspaceId ?? '', now());
    },
    noteBulkWork: (workspaceId) => {
      if (workspaceId !== undefined) bulkSeen.set(workspaceId, now());
    },
    admit: (wanted) => {
      const time = now();
      const until = contendedUntil(time);
      if (time >= until) return { take: wanted };
      if (time >= tickEnds) {
        // A new tick: its share, plus what the last one left of a fraction (never a backlog of ticks).
        allowance = Math.min(allowance, 1) + perTick;
        tickEnds = time + tickMs;
      }
      const take = Math.min(wanted, Math.floor(allowance));
      allowance -= take;
      return take < wanted ? { take, askAgainInMs: Math.max(1, Math.min(tickEnds, until) - time) } : { take };
    },
  };
}
