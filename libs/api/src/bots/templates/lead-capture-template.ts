import type { BotTemplate } from './bot-template';

/**
 * 'lead-capture': asks the person's name, then their email (Save user response with the
 * email validation, asked again twice when the reply is not an email), thanks them by
 * name and closes the session. Both answers are session attributes (`name`, `email`).
 */
export const leadCaptureTemplate: BotTemplate = {
  id: 'lead-capture',
  name: 'Lead capture',
  description: 'Asks for a name and a valid email address, thanks the person and closes.',
  flow: () => ({
    version: 1,
    attributes: [
      { name: 'name', type: 'text', scope: 'session' },
      { name: 'email', type: 'email', scope: 'session' },
    ],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'ask-name',
        elements: [
          {
            id: 'ask-name',
            type: 'save-user-response',
            message: { text: 'Hi! May I have your name?' },
            saveAs: 'name',
            position: { x: 0, y: 0 },
          },
          {
            id: 'ask-email',
            type: 'save-user-response',
            message: { text: 'Thanks, {{name}}! What is your email address?' },
            saveAs: 'email',
            validation: { type: 'email' },
            repeat: 2,
            repeatMessage: { text: 'That does not look like an email address. Please try again (for example ana@example.com).' },
            position: { x: 0, y: 140 },
          },
          { id: 'thanks', type: 'send-message', text: 'Thank you, {{name}}! We will write to you at {{email}} soon.', position: { x: 0, y: 280 } },
          { id: 'close', type: 'close-session', position: { x: 0, y: 420 } },
        ],
        edges: [
          { id: 'name-email', from: 'ask-name', to: 'ask-email' },
          { id: 'email-thanks', from: 'ask-email', to: 'thanks' },
          { id: 'thanks-close', from: 'thanks', to: 'close' },
        ],
      },
    ],
  }),
};
