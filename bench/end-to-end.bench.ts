import { echoFlow } from '../tests/support/echo-flow';
import { percentile, type BenchRow, type BenchSuite } from './bench-suite';
import { startBenchPlatform } from './support/bench-platform';
import { closedConversations, type Conversations } from './support/closed-conversations';
import { openLoop } from './support/offered-load';
import { maintainDatabase } from './support/scratch-database';

const sessions = Number(process.env['BENCH_E2E_SESSIONS'] ?? 10_000);
const workers = Number(process.env['BENCH_E2E_WORKERS'] ?? 1);
const phaseSeconds = 10;

/**
 * Inbound message → reply received by a local channel receiver, through the
 * whole platform: one API process, `BENCH_E2E_WORKERS` worker processes (default
 * 1, default settings), Postgres, Redis, and the echo bot on an HTTP channel.
 * 1. 10,000 sessions (BENCH_E2E_SESSIONS) are started ("hi" → "ready"), 200 at a time;
 *    then VACUUM ANALYZE, as autovacuum keeps a running deployment's tables.
 * 2. Maximum sustainable rate: 200 contacts each send 50 messages, the next as soon
 *    as the echo of the last one arrived (closed loop).
 * 3. Fixed rate: 500 msg/s for 10 s, then 80% of the maximum for 10 s, round
 *    robin over the 10,000 sessions (open loop: latency counts from when a message
 *    was due, so a backlog shows as latency).
 * Latency: from sending the message to the receiver getting its echo.
 */
export const endToEndBench: BenchSuite = {
  name: 'end-to-end',
  run: async () => {
    const bench = await startBenchPlatform({ suite: 'end-to-end', flow: echoFlow, workers, apis: 1 });
    try {
      const rows: BenchRow[] = [];
      const started = await closedConversations(bench, { contacts: sessions, concurrency: 200, messagesPerContact: 1, first: true });
      rows.push({ name: `start ${sessions} sessions ("hi" → "ready", 200 at once)`, figures: figures(started) });
      // The tables went from empty to tens of thousands of rows (and as many dead row versions) in a
      // minute, faster than autovacuum looks (every minute): bring them to the state a running
      // deployment keeps them in, so the planner has statistics and the phases measure steady state.
      await maintainDatabase(bench.databaseUrl, 'VACUUM ANALYZE');
      const max = await closedConversations(bench, { contacts: 200, concurrency: 200, messagesPerContact: 50, first: false });
      rows.push({ name: 'maximum: 200 contacts, each sends when its echo arrived', figures: figures(max), target: '≥ 1,000 msg/s sustained', met: max.perSecond >= 1_000 });
      let sent = 0;
      for (const rate of [500, Math.max(1, Math.round(max.perSecond * 0.8))]) {
        const count = rate * phaseSeconds;
        const messages = Array.from({ length: count }, (_, index) => {
          const contact = `contact-${(sent + index) % sessions}`;
          const text = `m${sent + index}`;
          return { contact, text, request: bench.sender.prepare(contact, text) };
        });
        sent += count;
        const result = await openLoop({
          rate,
          count,
          send: async (index) => {
            const message = messages[index]!;
            const echoed = bench.clock.expect(message.contact, `echo ${message.text}`);
            await bench.sender.send(message.request);
            await echoed;
            return true;
          },
        });
        rows.push({
          name: `fixed rate ${rate} msg/s for ${phaseSeconds} s over ${sessions} sessions`,
          figures: { replies_per_s: result.perSecond, p50_ms: result.p50Ms, p99_ms: result.p99Ms, max_ms: result.maxMs, replies: result.ok },
          ...(rate === 500 ? { target: 'p99 < 100 ms at 500 msg/s', met: result.p99Ms < 100 } : {}),
        });
      }
      return rows;
    } finally {
      await bench.stop();
    }
  },
};

function figures(result: Conversations): Record<string, number> {
  return {
    replies_per_s: result.perSecond,
    p50_ms: percentile(result.latencies, 50),
    p99_ms: percentile(result.latencies, 99),
    // At saturation the mean is fixed by Little's law (in flight / rate); the percentiles show how fairly it is shared.
    mean_ms: result.latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, result.latencies.length),
    replies: result.latencies.length,
  };
}
