import type { Platform } from '../../support/start-platform';

/**
 * The warning and error log messages (their `msg`) of the workers (or the API
 * processes), each with a count and its first line in full, for a test to print
 * when something looks off.
 */
export function workerWarnings(platform: Platform, of: 'workers' | 'apis' = 'workers'): Record<string, { count: number; first: string }> {
  const found: Record<string, { count: number; first: string }> = {};
  for (const worker of of === 'workers' ? platform.workers : platform.apis) {
    for (const line of worker.output().split('\n')) {
      if (line.trim().length === 0) continue;
      const key = /"msg":"([^"]*)"/.exec(line)?.[1] ?? line.slice(0, 120);
      const entry = found[key];
      if (entry) entry.count += 1;
      else found[key] = { count: 1, first: line.slice(0, 600) };
    }
  }
  return found;
}
