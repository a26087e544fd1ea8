import { migrateFlow, type Flow } from '@parley/engine';

/**
 * A bot that looks something up on every message: an API element GETs `url` and
 * saves the answer's `status` field, then it says "status <status>" and waits for
 * the next message. For tests and benchmarks of slow partners.
 */
export function lookupFlow(url: string): Flow {
  return migrateFlow({
    version: 1,
    attributes: [{ name: 'status', type: 'text', scope: 'session' }],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'lookup',
        elements: [
          { id: 'lookup', type: 'api', method: 'GET', url, timeoutSeconds: 60, retries: 0, response: { body: [{ attribute: 'status', path: 'status' }] } },
          { id: 'answer', type: 'send-message', text: 'status {{status}}' },
          { id: 'wait', type: 'user-response' },
        ],
        edges: [
          { id: 'e1', from: 'lookup', to: 'answer' },
          { id: 'e2', from: 'answer', to: 'wait' },
          { id: 'e3', from: 'wait', to: 'lookup' },
        ],
      },
    ],
    settings: { sessionTimeoutSeconds: 3600 },
  });
}
