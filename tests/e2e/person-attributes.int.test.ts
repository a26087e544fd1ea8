import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Flow } from '@parley/engine';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * Person-scoped attributes outlive the session: saved on the end user's profile,
 * they are there again when the same user starts a new session; session-scoped
 * ones are not.
 */
const rememberingFlow: Flow = {
  version: 1,
  attributes: [
    { name: 'nickname', type: 'text', scope: 'person' },
    { name: 'mood', type: 'text', scope: 'session' },
  ],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'known',
      elements: [
        {
          id: 'known',
          type: 'conditions',
          conditions: [{ id: 'has-name', name: 'Known user', rules: [{ attribute: 'nickname', operator: 'is-not-empty' }] }],
        },
        { id: 'welcome-back', type: 'send-message', text: 'Welcome back, {{nickname}}! Mood last time: "{{mood}}".' },
        { id: 'ask', type: 'save-user-response', message: { text: 'What should I call you?' }, saveAs: 'nickname' },
        { id: 'ask-mood', type: 'save-user-response', message: { text: 'How are you?' }, saveAs: 'mood' },
        { id: 'done', type: 'send-message', text: 'Noted, {{nickname}}.' },
        { id: 'close', type: 'close-session' },
      ],
      edges: [
        { id: 'e1', from: 'known', port: 'condition:has-name', to: 'welcome-back' },
        { id: 'e2', from: 'known', port: 'else', to: 'ask' },
        { id: 'e3', from: 'ask', to: 'ask-mood' },
        { id: 'e4', from: 'ask-mood', to: 'done' },
        { id: 'e5', from: 'done', to: 'close' },
        { id: 'e6', from: 'welcome-back', to: 'close' },
      ],
    },
  ],
  settings: { sessionTimeoutSeconds: 3600 },
};

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_person`,
    flow: rememberingFlow,
  });
});

afterAll(async () => {
  await platform?.stop();
});

describe('person-scoped attributes', () => {
  it('remembers a person attribute across sessions, but not a session attribute', async () => {
    const contact = `+4915112345${String(Date.now()).slice(-3)}`;
    const say = async (n: number, text: string, replies: number): Promise<string[]> => {
      expect((await platform.post({ messageId: `${contact}-${n}`, from: contact, text })).status).toBe(202);
      const all = await waitFor(`${replies} replies`, () => {
        const received = platform.receiver.repliesTo(contact);
        return received.length >= replies ? received : undefined;
      });
      return all.map((reply) => reply.text);
    };
    await say(1, 'hi', 1);
    await say(2, 'Sam', 2);
    const first = await say(3, 'great', 3);
    expect(first).toEqual(['What should I call you?', 'How are you?', 'Noted, Sam.']);
    await waitFor('the first session to close', async () => {
      const open = await platform.db.session.count({ where: { channelId: platform.channelId, contact, status: 'active' } });
      return open === 0 ? true : undefined;
    });

    const second = await say(4, 'hello again', 4);
    expect(second[3]).toBe('Welcome back, Sam! Mood last time: "".');
    expect(await platform.db.session.count({ where: { channelId: platform.channelId, contact } })).toBe(2);
  });
});
