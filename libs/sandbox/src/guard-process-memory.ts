/**
 * Watches this process's resident memory while a run is in flight and calls `onExceeded`
 * (once per run) when it passes the run's ceiling.
 *
 * Why: an isolate's `memoryLimit` bounds V8's heap accounting, but some allocations grow
 * outside it until V8 aborts the process: on Node 24 (V8 13) `a.length = 1e8; a.fill(1)`
 * in a 32 MB isolate thrashes the garbage collector for seconds while the process grows
 * past a gigabyte. The ceiling (resident memory when the run started, plus twice the
 * run's heap limit, plus `headroomMb`) is far above what a script within its limit can
 * reach, so only such runaway allocations trip it, within `intervalMs` of crossing it.
 * The isolate runs on its own thread, so this process's event loop keeps sampling.
 */
export interface ProcessMemoryGuard {
  /** Starts watching for one run with this heap limit (MiB). */
  start(memoryMb: number): void;
  /** The run ended: stops watching. */
  stop(): void;
}

export function guardProcessMemory(options: {
  headroomMb: number;
  intervalMs: number;
  onExceeded: (residentMb: number, ceilingMb: number) => void;
  residentBytes?: () => number;
}): ProcessMemoryGuard {
  const resident = options.residentBytes ?? (() => process.memoryUsage.rss());
  let timer: NodeJS.Timeout | undefined;
  const stop = (): void => {
    clearInterval(timer);
    timer = undefined;
  };
  return {
    start(memoryMb) {
      stop();
      const ceiling = resident() + (2 * memoryMb + options.headroomMb) * 1_048_576;
      timer = setInterval(() => {
        const now = resident();
        if (now <= ceiling) return;
        stop();
        options.onExceeded(Math.round(now / 1_048_576), Math.round(ceiling / 1_048_576));
      }, options.intervalMs);
    },
    stop,
  };
}
