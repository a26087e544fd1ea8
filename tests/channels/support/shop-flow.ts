import type { Flow } from '@parley/engine';

/**
 * A bot exercising what channels render differently: 3 quick replies (WhatsApp
 * reply buttons), 5 quick replies (a WhatsApp list), then a text with a link
 * preview, then an echo loop.
 */
export const shopFlow: Flow = {
  version: 1,
  attributes: [
    { name: 'color', type: 'text', scope: 'session' },
    { name: 'size', type: 'text', scope: 'session' },
    { name: 'last', type: 'text', scope: 'session' },
  ],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'pick-color',
      elements: [
        { id: 'pick-color', type: 'send-message', text: 'Hi! Pick a color', buttons: [{ label: 'Red' }, { label: 'Green' }, { label: 'Blue' }] },
        { id: 'ask-color', type: 'user-response', saveAs: 'color' },
        {
          id: 'pick-size',
          type: 'send-message',
          text: 'Pick a size',
          buttons: [{ label: 'XS' }, { label: 'S' }, { label: 'M' }, { label: 'L' }, { label: 'XL' }],
        },
        { id: 'ask-size', type: 'user-response', saveAs: 'size' },
        { id: 'done', type: 'send-message', text: 'You chose {{color}} {{size}}: https://parley.dev/shop', linkPreview: true },
        { id: 'ask', type: 'user-response', saveAs: 'last' },
        { id: 'echo', type: 'send-message', text: 'echo {{last}}' },
      ],
      edges: [
        { id: 'e1', from: 'pick-color', to: 'ask-color' },
        { id: 'e2', from: 'ask-color', to: 'pick-size' },
        { id: 'e3', from: 'pick-size', to: 'ask-size' },
        { id: 'e4', from: 'ask-size', to: 'done' },
        { id: 'e5', from: 'done', to: 'ask' },
        { id: 'e6', from: 'ask', to: 'echo' },
        { id: 'e7', from: 'echo', to: 'ask' },
      ],
    },
  ],
  settings: { sessionTimeoutSeconds: 3600 },
};
