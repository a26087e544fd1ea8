import type { Flow } from '@parley/engine';

/** A bot that greets once, then echoes every message forever: "ready", "echo <text>", ... */
export const echoFlow: Flow = {
  version: 1,
  attributes: [{ name: 'last', type: 'text', scope: 'session' }],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'ready',
      elements: [
        { id: 'ready', type: 'send-message', text: 'ready' },
        { id: 'ask', type: 'user-response', saveAs: 'last' },
        { id: 'echo', type: 'send-message', text: 'echo {{last}}' },
      ],
      edges: [
        { id: 'e1', from: 'ready', to: 'ask' },
        { id: 'e2', from: 'ask', to: 'echo' },
        { id: 'e3', from: 'echo', to: 'ask' },
      ],
    },
  ],
  settings: { sessionTimeoutSeconds: 3600 },
};
