/**
 * The worker's side of fair scheduling between workspaces (the API's side is
 * createInboundLanes). While the main lane has had work within the last
 * `contendedForMs` — some workspace sending at an ordinary pace is being answered —
 * the bulk lane (workspaces sending faster than their share) is admitted at most
 * `ratePerSecond` jobs a second, first come first served, in groups every `tickMs` (so
 * that they share a turn batch rather than paying for a transaction each); with the main lane idle,
 * bulk jobs run at once, so a workspace flooding the platform alone loses nothing.
 * The flood's surplus waits in its queue (nothing is dropped, each contact's order is
 * kept: an inbox job drains its contact's messages in arrival order), and every other
 * workspace's turns find the worker, the database pool and the machine with room to
 * spare. Keep the rate above the API's WORKSPACE_TURN_RATE: a flood admitted below its
 * lane threshold would fall back into the main lane. Main-lane work of a workspace that
 * has bulk jobs too (its first messages of a burst, before its rate crossed the
 * threshold) is its own traffic, not contention: it never holds its own flood back.
 * At most `maxOutstanding` bulk jobs are admitted and not yet done at any time, even
 * with the main lane idle (set it to what the worker's turn batches take at once: more
 * admitted work would only wait in memory): when another workspace starts talking,
 * the flood's work already let in is at most that much, not the whole backlog the
 * worker had fetched.
 */
export type BulkLaneGate = {
  /** A main-lane job of `workspaceId` (unknown: undefined) started. */
  noteMainWork: (workspaceId?: string) => void;
  /** Resolves when a bulk-lane job of `workspaceId` may run, with the function to call once it is done. */
  admit: (workspaceId?: string) => Promise<() => void>;
  /** Bulk jobs waiting for admission. */
  waiting: () => number;
};

export function createBulkLaneGate(options: {
  ratePerSecond: number;
  /** Bulk jobs admitted and not yet done at most; default 100. */
  maxOutstanding?: number;
  contendedForMs?: number;
  /** While contended, waiting jobs are admitted together every this many ms (so they share a turn batch); default 100. */
  tickMs?: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
}): BulkLaneGate {
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms).unref());
  const contendedForMs = options.contendedForMs ?? 1_000;
  const tickMs = options.tickMs ?? 100;
  const maxOutstanding = options.maxOutstanding ?? 100;
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
  let allowance = Math.max(0, 1 - perTick);
  let tickEnds = Number.NEGATIVE_INFINITY;
  let timerSet = false;
  let outstanding = 0;
  const waiters: ((done: () => void) => void)[] = [];

  /** Takes one admission if the current tick has one left. */
  const take = (time: number): boolean => {
    if (time >= tickEnds) {
      allowance = Math.min(allowance, 1) + perTick;
      tickEnds = time + tickMs;
    }
    if (allowance < 1) return false;
    allowance -= 1;
    return true;
  };

  /** A ticket for one admitted job: counts it outstanding until its `done` is called (once). */
  const ticket = (): (() => void) => {
    outstanding += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      outstanding -= 1;
      if (waiters.length > 0 && !timerSet) pump();
    };
  };

  /** May a job be admitted now (and, while contended, take its share of the tick)? */
  const mayAdmit = (time: number): boolean => outstanding < maxOutstanding && (time >= contendedUntil(time) || take(time));

  const pump = (): void => {
    timerSet = false;
    while (waiters.length > 0) {
      const time = now();
      if (!mayAdmit(time)) break;
      waiters.shift()?.(ticket());
    }
    // Waiting for a slot (a job done) needs no timer; waiting for the next tick (or the end of contention) does.
    if (waiters.length === 0 || outstanding >= maxOutstanding) return;
    const time = now();
    timerSet = true;
    setTimer(pump, Math.max(1, Math.min(tickEnds, contendedUntil(time)) - time));
  };

  return {
    noteMainWork: (workspaceId) => {
      mainSeen.set(workspaceId ?? '', now());
    },
    admit: (workspaceId) => {
      const time = now();
      if (workspaceId !== undefined) bulkSeen.set(workspaceId, time);
      if (waiters.length === 0 && mayAdmit(time)) return Promise.resolve(ticket());
      const admitted = new Promise<() => void>((release) => waiters.push(release));
      if (!timerSet) pump();
      return admitted;
    },
    waiting: () => waiters.length,
  };
}
