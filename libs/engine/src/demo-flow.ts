import type { Flow } from './flow-schema';

/**
 * The demo bot (seeded for new installs, used by the end-to-end test, which depends on
 * these exact texts): asks for a name, greets, echoes one question, closes.
 */
export const demoFlow: Flow = {
  version: 1,
  attributes: [
    { name: 'name', type: 'text', scope: 'session' },
    { name: 'question', type: 'text', scope: 'session' },
  ],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'greet',
      elements: [
        { id: 'greet', type: 'send-message', text: "Hi! I'm the Parley demo bot. What's your name?", position: { x: 0, y: 0 } },
        { id: 'ask-name', type: 'user-response', saveAs: 'name', position: { x: 0, y: 120 } },
        { id: 'welcome', type: 'send-message', text: 'Nice to meet you, {{name}}! Ask me anything, or say bye.', position: { x: 0, y: 240 } },
        { id: 'ask-question', type: 'user-response', saveAs: 'question', position: { x: 0, y: 360 } },
        { id: 'echo', type: 'send-message', text: 'You said: {{question}}. Bye for now!', position: { x: 0, y: 480 } },
        { id: 'close', type: 'close-session', position: { x: 0, y: 600 } },
      ],
      edges: [
        { id: 'e1', from: 'greet', to: 'ask-name' },
        { id: 'e2', from: 'ask-name', to: 'welcome' },
        { id: 'e3', from: 'welcome', to: 'ask-question' },
        { id: 'e4', from: 'ask-question', to: 'echo' },
        { id: 'e5', from: 'echo', to: 'close' },
      ],
    },
  ],
  settings: { sessionTimeoutSeconds: 86_400 },
};
