/** The BullMQ backoff type of every Parley job; workers must pass `jobBackoffStrategy` in their settings. */
export const jobBackoffType = 'parley-capped-exponential';

/** Longest wait between two attempts of a job. */
export const maxJobBackoffMs = 10_000;

/**
 * Exponential backoff from the job's `backoff.delay` (1×, 2×, 4× ...), capped at
 * `maxJobBackoffMs`: a job failing through an outage retries at least every 10 s,
 * so work resumes within seconds of Postgres coming back instead of after an
 * ever-growing pause. Pass it as `settings.backoffStrategy` of every Worker.
 */
export function jobBackoffStrategy(
  attemptsMade: number,
  _type?: string,
  _error?: Error,
  job?: { opts: { backoff?: number | { delay?: number } } },
): number {
  const backoff = job?.opts.backoff;
  const base = typeof backoff === 'object' && typeof backoff.delay === 'number' ? backoff.delay : 1000;
  return Math.min(base * 2 ** Math.max(0, attemptsMade - 1), maxJobBackoffMs);
}
