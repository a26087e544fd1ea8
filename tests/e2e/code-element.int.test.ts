import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Flow } from '@parley/engine';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * The Code element through the real platform: API ingress, queue, worker, runner and the
 * worker's sandbox processes. One bot counts visits and hashes the message in a script;
 * another runs a script that never ends, which must take the element's fallback without
 * stopping the worker from answering other sessions.
 */
const counterFlow: Flow = {
  version: 1,
  attributes: [
    { name: 'visits', type: 'number', scope: 'session' },
    { name: 'digest', type: 'text', scope: 'session' },
  ],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'count',
      elements: [
        {
          id: 'count',
          type: 'code',
          code: [
            "let count = attributeApi.get('visits') || 0;",
            'count = parseInt(count) + 1;',
            "attributeApi.set('visits', count);",
            "attributeApi.set('digest', encryptionUtils.sha256(attributeApi.get('lastReceivedMessage') + ':' + count));",
          ].join('\n'),
          timeoutMs: 1_000,
          memoryMb: 32,
          fallback: { message: { text: 'Counting failed.' }, action: { type: 'end' } },
        },
        { id: 'show', type: 'send-message', text: 'Visit {{visits}}: {{digest}}' },
        { id: 'wait', type: 'user-response' },
      ],
      edges: [
        { id: 'e1', from: 'count', to: 'show' },
        { id: 'e2', from: 'show', to: 'wait' },
        { id: 'e3', from: 'wait', to: 'count' },
      ],
    },
  ],
  settings: { sessionTimeoutSeconds: 3600 },
};

const loopingFlow: Flow = {
  version: 1,
  attributes: [],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'spin',
      elements: [
        { id: 'spin', type: 'code', code: 'while (true) {}', timeoutMs: 200, memoryMb: 32, fallback: { message: { text: 'The script took too long.' }, action: { type: 'end' } } },
        { id: 'never', type: 'send-message', text: 'Unreachable.' },
      ],
      edges: [{ id: 'e1', from: 'spin', to: 'never' }],
    },
  ],
  settings: { sessionTimeoutSeconds: 3600 },
};

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_code`,
    flow: counterFlow,
  });
});

afterAll(async () => {
  await platform?.stop();
});

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

async function say(contact: string, n: number, text: string, replies: number, channelId?: string): Promise<string[]> {
  const response = await platform.post({ messageId: `${contact}-${n}`, from: contact, text }, channelId ? { channelId } : {});
  expect(response.status).toBe(202);
  const received = await waitFor(`${replies} replies to ${contact}`, () => {
    const all = platform.receiver.repliesTo(contact);
    return all.length >= replies ? all : undefined;
  }, 30_000);
  return received.map((reply) => reply.text);
}

describe('the Code element through the worker', () => {
  it('increments a counter attribute and hashes with sha256; the reply shows both', async () => {
    const contact = `code-counter-${Date.now()}`;
    expect(await say(contact, 1, 'hello', 1)).toEqual([`Visit 1: ${sha256('hello:1')}`]);
    expect(await say(contact, 2, 'again', 2)).toEqual([`Visit 1: ${sha256('hello:1')}`, `Visit 2: ${sha256('again:2')}`]);
  });

  it('takes the fallback for a script that never ends, and the next message of another session is still answered', async () => {
    const loopingChannel = await platform.addBot(loopingFlow);
    const looper = `code-loop-${Date.now()}`;
    expect(await say(looper, 1, 'spin', 1, loopingChannel)).toEqual(['The script took too long.']);

    const other = `code-after-loop-${Date.now()}`;
    expect(await say(other, 1, 'still there?', 1)).toEqual([`Visit 1: ${sha256('still there?:1')}`]);
    expect(platform.receiver.repliesTo(looper).map((reply) => reply.text)).toEqual(['The script took too long.']);
  });
});
