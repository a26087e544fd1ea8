import { percentile } from '../bench-suite';

export type LoadResult = {
  /** Requests that completed with `ok`. */
  ok: number;
  /** Requests that failed (an error or `ok` false). */
  failed: number;
  /** Completed per second over the measured window (first send to last completion). */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Requests asked for per second (open loop) — NaN for a closed loop. */
  offeredPerSecond: number;
  /** Every completed request's latency (ms), in completion order. */
  latencies: number[];
};

/** One request of a load: resolves true when the system under test acknowledged it. */
export type Send = (index: number) => Promise<boolean>;

/**
 * Open-loop (fixed-rate) load: request i is due at start + i / rate, whether or
 * not earlier ones have completed, and its latency counts from when it was due,
 * not from when it was sent: a stall shows up as latency of every request it
 * delayed (no coordinated omission). `maxInFlight` bounds the requests open at
 * once so an overloaded target cannot make the generator itself run out of
 * sockets; requests that wait for a slot keep their due time.
 */
export async function openLoop(options: { rate: number; count: number; send: Send; maxInFlight?: number }): Promise<LoadResult> {
  const { rate, count, send } = options;
  const maxInFlight = options.maxInFlight ?? 2_000;
  const latencies: number[] = [];
  let failed = 0;
  let inFlight = 0;
  let lastDone = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  const slotFreed: (() => void)[] = [];
  for (let index = 0; index < count; index += 1) {
    const due = started + (index * 1_000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    while (inFlight >= maxInFlight) await new Promise<void>((done) => slotFreed.push(done));
    inFlight += 1;
    pending.push(
      send(index)
        .catch(() => false)
        .then((ok) => {
          const now = performance.now();
          lastDone = Math.max(lastDone, now);
          if (ok) latencies.push(now - due);
          else failed += 1;
          inFlight -= 1;
          slotFreed.shift()?.();
        }),
    );
  }
  await Promise.all(pending);
  return summarize(latencies, failed, lastDone - started, rate);
}

/**
 * Closed-loop (maximum-rate) load: `concurrency` clients each send their next
 * request as soon as the previous one is answered, until `count` were sent.
 * Its rate is the most the target sustains at that concurrency.
 */
export async function closedLoop(options: { concurrency: number; count: number; send: Send }): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const client = async (): Promise<void> => {
    while (next < options.count) {
      const index = next;
      next += 1;
      const sent = performance.now();
      const ok = await options.send(index).catch(() => false);
      if (ok) latencies.push(performance.now() - sent);
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  return summarize(latencies, failed, performance.now() - started, Number.NaN);
}

function summarize(latencies: number[], failed: number, windowMs: number, offered: number): LoadResult {
  return {
    ok: latencies.length,
    failed,
    perSecond: (latencies.length * 1_000) / Math.max(1, windowMs),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.reduce((max, value) => Math.max(max, value), 0),
    offeredPerSecond: offered,
    latencies,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
