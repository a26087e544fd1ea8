import { inject } from 'vitest';
import type { Flow } from '@parley/engine';
import { echoFlow } from '../../support/echo-flow';
import { startPlatform, type Platform } from '../../support/start-platform';

/**
 * Worker settings for quick recovery, as docs/operations.md describes them: a
 * killed worker's jobs are taken up after ~5 s (lock) + ≤2 s (stalled check)
 * instead of ~30–60 s, its delivery leases expire after 10 s, and the reconciler
 * scans every 2 s. The lease stays well above a loaded machine's longest pause:
 * a delivery whose lease expires while its request is still under way can be sent
 * twice (the receiver dedupes on webhook-id, but the tests count repeats).
 */
export const fastRecoveryEnv: Record<string, string> = {
  WORKER_LOCK_DURATION_MS: '5000',
  WORKER_STALLED_INTERVAL_MS: '2000',
  DELIVERY_LEASE_MS: '10000',
  RECONCILE_INTERVAL_MS: '2000',
};

/** A platform on the fault suite's database and Redis database, under its own key prefix. */
export async function startFaultPlatform(options: { name: string; apis: number; workers: number; flow?: Flow }): Promise<Platform> {
  return startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_${options.name}`,
    flow: options.flow ?? echoFlow,
    apis: options.apis,
    workers: options.workers,
    workerEnv: fastRecoveryEnv,
  });
}

/** The timeout flow of tests/e2e/reply-timeout: a 15 s reply timeout whose fallback ends the session. */
export const replyTimeoutFlow: Flow = {
  version: 1,
  attributes: [{ name: 'order', type: 'text', scope: 'session' }],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'ask',
      elements: [
        { id: 'ask', type: 'send-message', text: 'What is your order number?' },
        {
          id: 'wait',
          type: 'user-response',
          saveAs: 'order',
          timeoutSeconds: 15,
          fallback: { message: { text: 'No answer, so I will stop here.' }, action: { type: 'end' } },
        },
        { id: 'thanks', type: 'send-message', text: 'Thanks, looking up {{order}}.' },
        { id: 'more', type: 'user-response' },
      ],
      edges: [
        { id: 'e1', from: 'ask', to: 'wait' },
        { id: 'e2', from: 'wait', port: 'next', to: 'thanks' },
        { id: 'e3', from: 'thanks', to: 'more' },
      ],
    },
  ],
  settings: { sessionTimeoutSeconds: 3600 },
};
