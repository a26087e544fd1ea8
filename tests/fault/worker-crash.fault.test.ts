import { describe, expect, inject, it } from 'vitest';
import type { Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';
import { startEchoLoad } from './support/echo-load';
import { startFaultPlatform } from './support/start-fault-platform';
import { stopPlatform } from './support/stop-platform';
import { workerWarnings } from './support/worker-warnings';
import { distinctReplies, verifyEchoConversations, waitForEveryReply } from './support/verify-echo-conversations';

/**
 * A worker process dies (SIGKILL) in the middle of a load, with jobs and
 * deliveries in flight: 2,000 messages over 200 sessions, two API processes and
 * two workers; one worker is killed at ~30 % of the replies and a replacement
 * started. Every message must still be answered exactly once, in order per
 * session, at the receiver and in Postgres.
 */
describe.skipIf(!inject('faultSuiteAlone'))('a worker killed under load', () => {
  it('answers 2,000 messages of 200 sessions exactly once and in order', async () => {
    let platform: Platform | undefined;
    let passed = false;
    try {
      platform = await startFaultPlatform({ name: 'crash', apis: 2, workers: 2 });
      const live = platform;
      const sessions = 200;
      const perSession = 10;
      const total = sessions * perSession;
      const startedAt = Date.now();
      const load = startEchoLoad({ platform: live, tag: `crash-${startedAt.toString(36)}`, sessions, perSession });

      await waitFor('30 % of the replies', () => (distinctReplies(live) >= total * 0.3 ? true : undefined), 60_000);
      const killedAt = Date.now();
      const repliesAtKill = distinctReplies(live);
      await live.workers[0]?.kill();
      live.startWorker();

      await load.done;
      const ackedAt = Date.now();
      await waitForEveryReply(live, load.contacts, perSession, 90_000);
      const doneAt = Date.now();
      const report = await verifyEchoConversations(live, load.contacts, perSession);
      console.info(
        `worker crash: ${total} messages; killed at ${repliesAtKill} replies after ${killedAt - startedAt} ms; ` +
          `all acknowledged after ${ackedAt - startedAt} ms; all answered after ${doneAt - startedAt} ms ` +
          `(${doneAt - killedAt} ms after the kill); ${report.redelivered} repeated deliveries (same idempotency key); ` +
          `statuses ${JSON.stringify(Object.fromEntries(load.statuses))}`,
      );
      if (report.repeats.length > 0) console.info('repeated deliveries', report.repeats, workerWarnings(live));
      expect(report.problems.slice(0, 10)).toEqual([]);
      expect(report.distinct).toBe(total);
      expect(load.unexpected).toEqual([]);
      passed = true;
    } finally {
      if (!passed && platform) console.info('worker log summary', workerWarnings(platform));
      await stopPlatform(platform);
    }
  }, 120_000);
});
