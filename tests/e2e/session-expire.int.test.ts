import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Flow } from '@parley/engine';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * Session expiry is a real delayed job: when a session has been inactive for
 * sessionTimeoutSeconds (60 s, the minimum), its Session Expire dialog runs at
 * once — the user gets its message without writing again — and the session closes.
 */
const expiringFlow: Flow = {
  version: 1,
  attributes: [],
  entryDialogId: 'main',
  sessionExpireDialogId: 'expire',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'hello',
      elements: [
        { id: 'hello', type: 'send-message', text: 'Hello! Take your time.' },
        { id: 'wait', type: 'user-response' },
      ],
      edges: [{ id: 'e1', from: 'hello', to: 'wait' }],
    },
    {
      id: 'expire',
      name: 'Session Expire',
      startElementId: 'bye',
      elements: [{ id: 'bye', type: 'send-message', text: 'We closed this chat after a minute of silence.' }],
      edges: [],
    },
  ],
  settings: { sessionTimeoutSeconds: 60 },
};

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_expire`,
    flow: expiringFlow,
  });
});

afterAll(async () => {
  await platform?.stop();
});

describe('session expiry through the real queue', () => {
  it('runs the Session Expire dialog proactively when the expiry timer fires', async () => {
    const contact = `expire-${Date.now()}`;
    expect((await platform.post({ messageId: `${contact}-1`, from: contact, text: 'hi' })).status).toBe(202);
    await waitFor('the greeting', () => (platform.receiver.repliesTo(contact).length === 1 ? true : undefined));
    const greetedAt = Date.now();
    const replies = await waitFor(
      'the Session Expire message',
      () => {
        const all = platform.receiver.repliesTo(contact);
        return all.length >= 2 ? all : undefined;
      },
      90_000,
    );
    expect(replies[1]?.text).toBe('We closed this chat after a minute of silence.');
    const elapsed = Date.now() - greetedAt;
    expect(elapsed).toBeGreaterThanOrEqual(58_000);
    expect(elapsed).toBeLessThan(75_000);
    const session = await platform.db.session.findFirst({ where: { channelId: platform.channelId, contact } });
    expect(session?.status).toBe('expired');
  }, 120_000);
});
