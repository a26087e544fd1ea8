import { echoFlow } from '../tests/support/echo-flow';
import type { BenchRow, BenchSuite } from './bench-suite';
import { startBenchPlatform } from './support/bench-platform';
import { closedConversations, type Conversations } from './support/closed-conversations';
import { cpuMsBetween, cpuSnapshot, type CpuGroup } from './support/process-cpu';

const sessions = Number(process.env['BENCH_CPU_SESSIONS'] ?? 6_000);

/**
 * What one reply costs each process, in CPU time: the figure that stays steady on a
 * noisy shared machine, where throughput moves with whatever else runs (a slower moment
 * stretches the wall time, not the work). One API and one worker with default settings,
 * the echo bot, Postgres and Redis on the same machine; Linux only (read from /proc).
 * After an unmeasured warm-up (1,000 sessions started):
 * 1. starting `BENCH_CPU_SESSIONS` (6,000) sessions, 200 at once ("hi" → "ready");
 * 2. 200 contacts in conversation, 30 messages each, each sent when the echo of the
 *    last arrived.
 * Per phase: replies a second, cores busy, and per reply the CPU microseconds of
 * Postgres (every postgres process: run on an otherwise idle database server),
 * the API process, the worker process, Redis and this load generator.
 */
export const cpuPerReplyBench: BenchSuite = {
  name: 'cpu-per-reply',
  run: async () => {
    const bench = await startBenchPlatform({ suite: 'cpu-per-reply', flow: echoFlow, workers: 1, apis: 1 });
    const groups: Record<string, CpuGroup> = {
      postgres: { command: 'postgres' },
      api: { pids: bench.platform.apis.map((api) => api.child.pid) },
      worker: { pids: bench.platform.workers.map((worker) => worker.child.pid) },
      redis: { command: 'redis-server' },
      load_generator: { pids: [process.pid] },
    };
    const measured = async (name: string, phase: () => Promise<Conversations>): Promise<BenchRow> => {
      const before = cpuSnapshot(groups);
      const begin = performance.now();
      const result = await phase();
      const seconds = (performance.now() - begin) / 1_000;
      const used = cpuMsBetween(before, cpuSnapshot(groups), groups);
      const replies = result.latencies.length;
      const total = Object.values(used).reduce((sum, ms) => sum + ms, 0);
      const perReply = Object.fromEntries(Object.entries(used).map(([group, ms]) => [`${group}_us`, (ms * 1_000) / replies]));
      return { name, figures: { replies_per_s: result.perSecond, cores_busy: total / 1_000 / seconds, ...perReply, total_us: (total * 1_000) / replies, replies } };
    };
    try {
      await closedConversations(bench, { contacts: 1_000, concurrency: 200, messagesPerContact: 1, first: true, prefix: 'warm-' });
      return [
        await measured(`start ${sessions} sessions, 200 at once`, () => closedConversations(bench, { contacts: sessions, concurrency: 200, messagesPerContact: 1, first: true })),
        await measured('echo: 200 contacts, each sends when its echo arrived', () => closedConversations(bench, { contacts: 200, concurrency: 200, messagesPerContact: 30, first: false })),
      ];
    } finally {
      await bench.stop();
    }
  },
};
