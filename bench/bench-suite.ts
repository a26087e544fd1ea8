/**
 * One benchmark suite: `run` measures and returns rows (one per measured figure);
 * the runner prints them as a table and writes them to bench/results/<suite>.json.
 * Suites run one after another on a quiet machine; each bounds its own time.
 */
export type BenchRow = {
  /** What was measured, e.g. "code run, trivial script (pooled)". */
  name: string;
  /** Figures by label, e.g. { p50_ms: 0.21, p99_ms: 0.9, runs: 5000 }. */
  figures: Record<string, number>;
  /** Target from the issue, if any, e.g. "p50 < 1 ms". */
  target?: string;
  /** Whether the target was met (omitted when there is none). */
  met?: boolean;
};

export type BenchSuite = {
  name: string;
  run: () => Promise<BenchRow[]>;
};

/** p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
