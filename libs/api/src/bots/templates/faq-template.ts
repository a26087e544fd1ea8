import type { BotTemplate } from './bot-template';

/**
 * 'faq': offers three topics as buttons, routes the reply by keyword (NLP on, with
 * synonyms, so typed replies match too) to its answer, and closes the session. A reply
 * matching no topic is asked again once, then answered with where to write instead.
 */
export const faqTemplate: BotTemplate = {
  id: 'faq',
  name: 'FAQ',
  description: 'Answers frequent questions: topics offered as buttons, each reply routed by keyword to its answer.',
  flow: () => ({
    version: 1,
    attributes: [],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'ask-topic',
        elements: [
          {
            id: 'ask-topic',
            type: 'send-message',
            text: 'Hi! What would you like to know?',
            buttons: [{ label: 'Opening hours' }, { label: 'Prices' }, { label: 'Contact' }],
            position: { x: 0, y: 0 },
          },
          {
            id: 'topic',
            type: 'user-response',
            nlp: true,
            keywords: [
              { id: 'hours', text: 'Opening hours', synonyms: ['hours', 'open', 'when'] },
              { id: 'prices', text: 'Prices', synonyms: ['price', 'cost', 'how much'] },
              { id: 'contact', text: 'Contact', synonyms: ['email', 'phone', 'talk to someone'] },
            ],
            repeat: 1,
            repeatMessage: { text: 'Sorry, I did not get that. Pick one of the buttons: Opening hours, Prices or Contact.' },
            fallback: { message: { text: 'I cannot help with that here: write to us at hello@example.com.' }, action: { type: 'end' } },
            position: { x: 0, y: 140 },
          },
          { id: 'answer-hours', type: 'send-message', text: 'We are open Monday to Friday, 9:00 to 17:00.', position: { x: -320, y: 280 } },
          { id: 'answer-prices', type: 'send-message', text: 'Plans start at 10 € a month; see example.com/pricing.', position: { x: 0, y: 280 } },
          { id: 'answer-contact', type: 'send-message', text: 'Write to hello@example.com or call +1 555 0100.', position: { x: 320, y: 280 } },
          { id: 'close', type: 'close-session', position: { x: 0, y: 420 } },
        ],
        edges: [
          { id: 'to-topic', from: 'ask-topic', to: 'topic' },
          { id: 'hours', from: 'topic', port: 'keyword:hours', to: 'answer-hours' },
          { id: 'prices', from: 'topic', port: 'keyword:prices', to: 'answer-prices' },
          { id: 'contact', from: 'topic', port: 'keyword:contact', to: 'answer-contact' },
          { id: 'hours-close', from: 'answer-hours', to: 'close' },
          { id: 'prices-close', from: 'answer-prices', to: 'close' },
          { id: 'contact-close', from: 'answer-contact', to: 'close' },
        ],
      },
    ],
  }),
};
