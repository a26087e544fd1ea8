import { createServer, type Server } from 'node:http';
import { migrateFlow } from '@parley/engine';
import { describe, expect, inject, it } from 'vitest';
import type { Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';
import { startEchoLoad } from './support/echo-load';
import { startFaultPlatform } from './support/start-fault-platform';
import { stopPlatform } from './support/stop-platform';
import { verifyEchoConversations, waitForEveryReply } from './support/verify-echo-conversations';
import { workerWarnings } from './support/worker-warnings';

/**
 * A worker dies (SIGKILL) while calls to a partner are in flight. The bot answers
 * each message through an API element ("echo <text>" comes back from a partner that
 * takes 600 ms), and contacts send their messages without waiting for the answers,
 * so later messages arrive while a call runs. After the kill (and a replacement
 * worker) every call result must be applied once — each contact gets exactly its
 * answers, once each, in order, at the receiver and in Postgres — and every call ends
 * 'applied'. A call cut short runs again with the same Idempotency-Key.
 */
const partnerDelayMs = 600;

function echoThroughPartnerFlow(partnerUrl: string): ReturnType<typeof migrateFlow> {
  return migrateFlow({
    version: 1,
    attributes: [
      { name: 'last', type: 'text', scope: 'session' },
      { name: 'echoed', type: 'text', scope: 'session' },
    ],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'ready',
        elements: [
          { id: 'ready', type: 'send-message', text: 'ready' },
          { id: 'ask', type: 'user-response', saveAs: 'last' },
          { id: 'call', type: 'api', method: 'GET', url: `${partnerUrl}/echo/{{last}}`, timeoutSeconds: 20, retries: 0, response: { body: [{ attribute: 'echoed', path: 'echo' }] } },
          { id: 'echo', type: 'send-message', text: 'echo {{echoed}}' },
        ],
        edges: [
          { id: 'e1', from: 'ready', to: 'ask' },
          { id: 'e2', from: 'ask', to: 'call' },
          { id: 'e3', from: 'call', to: 'echo' },
          { id: 'e4', from: 'echo', to: 'ask' },
        ],
      },
    ],
    settings: { sessionTimeoutSeconds: 3600 },
  });
}

describe.skipIf(!inject('faultSuiteAlone'))('a worker killed while calls are in flight', () => {
  it('applies every call result once and delivers every answer once, in order', async () => {
    const requests = new Map<string, number>();
    let inFlight = 0;
    const partner: Server = createServer((request, response) => {
      request.resume();
      const key = String(request.headers['idempotency-key'] ?? '');
      requests.set(key, (requests.get(key) ?? 0) + 1);
      inFlight++;
      setTimeout(() => {
        inFlight--;
        const text = decodeURIComponent((request.url ?? '').replace('/echo/', ''));
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: text }));
      }, partnerDelayMs);
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    const address = partner.address();
    const partnerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    let platform: Platform | undefined;
    let passed = false;
    try {
      platform = await startFaultPlatform({ name: 'calls', apis: 1, workers: 2, flow: echoThroughPartnerFlow(partnerUrl) });
      const live = platform;
      const sessions = 40;
      const perSession = 5;
      const startedAt = Date.now();
      const load = startEchoLoad({ platform: live, tag: `calls-${startedAt.toString(36)}`, sessions, perSession });

      await waitFor('calls in flight at the partner', () => (requests.size >= 40 && inFlight >= 10 ? true : undefined), 60_000);
      const inFlightAtKill = inFlight;
      const killedAt = Date.now();
      await live.workers[0]?.kill();
      live.startWorker();

      await load.done;
      await waitForEveryReply(live, load.contacts, perSession, 90_000);
      const doneAt = Date.now();
      const report = await verifyEchoConversations(live, load.contacts, perSession);
      const calls = await live.db.sessionCall.groupBy({ by: ['status'], where: { channelId: live.channelId }, _count: true });
      const rerun = [...requests.values()].filter((count) => count > 1).length;
      console.info(
        `call crash: ${sessions * (perSession - 1)} calls; killed with ${inFlightAtKill} in flight after ${killedAt - startedAt} ms; ` +
          `all answered ${doneAt - killedAt} ms after the kill; ${rerun} calls ran again (same Idempotency-Key); ` +
          `${report.redelivered} repeated deliveries; calls by status ${JSON.stringify(calls)}`,
      );
      expect(report.problems.slice(0, 10)).toEqual([]);
      expect(report.distinct).toBe(sessions * perSession);
      expect(requests.has('')).toBe(false);
      expect(requests.size).toBe(sessions * (perSession - 1));
      expect(calls).toEqual([{ status: 'applied', _count: sessions * (perSession - 1) }]);
      passed = true;
    } finally {
      if (!passed && platform) console.info('worker log summary', workerWarnings(platform));
      await stopPlatform(platform);
      partner.closeAllConnections();
      await new Promise((resolve) => partner.close(resolve));
    }
  }, 120_000);
});
