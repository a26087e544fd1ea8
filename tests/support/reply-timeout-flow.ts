import type { Flow } from '@parley/engine';

/**
 * Asks for an order number and waits 15 s (the shortest reply timeout) for it:
 * "What is your order number?", then either "Thanks, looking up <order>." or,
 * with no answer in 15 s, "No answer, so I will stop here. Write again any time."
 * and the session ends.
 */
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
          fallback: { message: { text: 'No answer, so I will stop here. Write again any time.' }, action: { type: 'end' } },
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
