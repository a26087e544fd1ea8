import { echoFlow } from '../tests/support/echo-flow';
import type { BenchRow, BenchSuite } from './bench-suite';
import { startBenchPlatform } from './support/bench-platform';
import { closedLoop, openLoop, type LoadResult } from './support/offered-load';

/** Messages per measured phase; contacts they come from. */
const phaseSeconds = 10;
const contacts = 10_000;

/**
 * Webhook ingress alone: signed HTTP-channel messages POSTed to one API process
 * (keep-alive, up to 128 connections), no worker running, so the figures are the
 * API's: verify the signature, parse, store in Postgres (committed), enqueue in
 * Redis, answer 202. Latency is from when a request was due to its 202.
 * - fixed offered load: 1,000 and 2,000 msg/s for 10 s each (open loop: requests
 *   are sent on schedule whether or not earlier ones were answered);
 * - maximum: 128 senders each sending the next message when the last was acknowledged.
 * BENCH_INGRESS_RATE=<msg/s> adds a fixed-rate phase at that rate.
 */
export const ingressBench: BenchSuite = {
  name: 'ingress',
  run: async () => {
    const bench = await startBenchPlatform({ suite: 'ingress', flow: echoFlow, workers: 0, apis: 1 });
    let sequence = 0;
    const batch = (count: number) => Array.from({ length: count }, () => bench.sender.prepare(`contact-${(sequence += 1) % contacts}`, `message ${sequence}`));
    const accepted = (status: number): boolean => status === 202;
    try {
      const warm = batch(3_000);
      await closedLoop({ concurrency: 128, count: warm.length, send: async (index) => accepted(await bench.sender.send(warm[index]!)) });
      const rows: BenchRow[] = [];
      const extra = Number(process.env['BENCH_INGRESS_RATE'] ?? 0);
      for (const rate of [1_000, 2_000, ...(extra > 0 ? [extra] : [])]) {
        const requests = batch(rate * phaseSeconds);
        const result = await openLoop({ rate, count: requests.length, send: async (index) => accepted(await bench.sender.send(requests[index]!)) });
        rows.push(
          row(`fixed load ${rate} msg/s for ${phaseSeconds} s`, result, rate === 2_000 ? { target: '≥ 2,000 msg/s acknowledged, ack p99 < 50 ms', met: result.failed === 0 && result.perSecond >= 1_980 && result.p99Ms < 50 } : {}),
        );
      }
      const requests = batch(20_000);
      const max = await closedLoop({ concurrency: 128, count: requests.length, send: async (index) => accepted(await bench.sender.send(requests[index]!)) });
      rows.push(row('maximum (128 senders, closed loop)', max, { target: '≥ 2,000 msg/s', met: max.failed === 0 && max.perSecond >= 2_000 }));
      return rows;
    } finally {
      await bench.stop();
    }
  },
};

function row(name: string, result: LoadResult, goal: { target?: string; met?: boolean }): BenchRow {
  return {
    name,
    figures: { acked_per_s: result.perSecond, ack_p50_ms: result.p50Ms, ack_p99_ms: result.p99Ms, ack_max_ms: result.maxMs, acked: result.ok, failed: result.failed },
    ...goal,
  };
}
