import { createServer } from 'node:http';
import { echoFlow } from '../tests/support/echo-flow';
import { lookupFlow } from '../tests/support/lookup-flow';
import type { BenchRow, BenchSuite } from './bench-suite';
import { startEchoSessions } from './support/start-echo-sessions';
import { startBenchPlatform } from './support/bench-platform';
import { openLoop } from './support/offered-load';
import { SignedSender } from './support/signed-sender';

const waiting = Number(process.env['BENCH_CALLS_SESSIONS'] ?? 500);
const partnerDelayMs = Number(process.env['BENCH_CALLS_DELAY_MS'] ?? 5_000);
const echoRate = 20;
const echoSeconds = 4;

/**
 * A slow partner and everyone else: one worker with default settings; a bot whose API
 * element calls a local partner that answers after 5 s (BENCH_CALLS_DELAY_MS), and an
 * echo bot on another channel.
 * 1. The echo bot alone: 20 msg/s for 4 s (open loop), send → echo at the receiver.
 * 2. 500 sessions (BENCH_CALLS_SESSIONS) of the slow bot start at once, each waiting on
 *    the partner; while they wait, the echo bot again at 20 msg/s for 4 s.
 * 3. Calls in flight at the partner (the most at once: calls per worker) and the time
 *    until all 500 slow sessions had their answer.
 * The workspace's call limit is raised to 1,000 so that the worker's own concurrency
 * (CALL_CONCURRENCY) is what is measured.
 */
export const callsBench: BenchSuite = {
  name: 'calls',
  run: async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const partner = createServer((request, response) => {
      request.resume();
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      setTimeout(() => {
        inFlight--;
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"slow-ok"}');
      }, partnerDelayMs);
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    const address = partner.address();
    const partnerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const bench = await startBenchPlatform({ suite: 'calls', flow: lookupFlow(`${partnerUrl}/slow`), workers: 1, apis: 1, workerEnv: { WORKSPACE_CALL_LIMIT: '1000' } });
    const echoChannel = await bench.platform.addBot(echoFlow);
    const echo = new SignedSender(bench.platform.apiUrls, echoChannel, bench.platform.webhookSecret);
    try {
      const rows: BenchRow[] = [];
      const echoContacts = 40;
      await startEchoSessions(bench.clock, echo, 'echo-', echoContacts);
      let sent = 0;
      const echoPhase = async (): Promise<Awaited<ReturnType<typeof openLoop>>> => {
        const count = echoRate * echoSeconds;
        const messages = Array.from({ length: count }, (_, index) => {
          const contact = `echo-${(sent + index) % echoContacts}`;
          const text = `m${sent + index}`;
          return { contact, text, request: echo.prepare(contact, text) };
        });
        sent += count;
        return openLoop({
          rate: echoRate,
          count,
          send: async (index) => {
            const message = messages[index];
            if (!message) return false;
            const echoed = bench.clock.expect(message.contact, `echo ${message.text}`);
            await echo.send(message.request);
            await echoed;
            return true;
          },
        });
      };

      const alone = await echoPhase();
      rows.push({ name: `echo bot alone, ${echoRate} msg/s`, figures: { p50_ms: alone.p50Ms, p99_ms: alone.p99Ms, max_ms: alone.maxMs, replies: alone.ok } });

      const slowStarted = performance.now();
      const answered = Array.from({ length: waiting }, (_, index) => bench.clock.expect(`slow-${index}`, 'status slow-ok'));
      await Promise.all(Array.from({ length: waiting }, (_, index) => bench.sender.send(bench.sender.prepare(`slow-${index}`, 'hi'))));
      const deadline = Date.now() + 10_000;
      while (inFlight < Math.min(waiting, 100) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const during = await echoPhase();
      rows.push({
        name: `echo bot while ${waiting} sessions wait on a ${partnerDelayMs / 1000} s partner, ${echoRate} msg/s`,
        figures: { p50_ms: during.p50Ms, p99_ms: during.p99Ms, max_ms: during.maxMs, replies: during.ok, partner_in_flight: inFlight },
        target: 'p99 within a few hundred ms',
        met: during.p99Ms < 300,
      });
      await Promise.all(answered);
      rows.push({
        name: `${waiting} sessions on a ${partnerDelayMs / 1000} s partner, one worker`,
        figures: { max_calls_in_flight: maxInFlight, all_answered_s: (performance.now() - slowStarted) / 1000 },
      });
      return rows;
    } finally {
      await echo.close();
      await bench.stop();
      partner.closeAllConnections();
      await new Promise((resolve) => partner.close(resolve));
    }
  },
};
