import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { echoFlow } from '../support/echo-flow';
import { lookupFlow } from '../support/lookup-flow';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * A slow partner must not slow anyone else down: calls run outside the turn's
 * transaction and lock, so while many sessions wait on a partner that takes seconds,
 * another bot's replies stay fast; and a workspace over its limit of calls in flight
 * waits for its own slots while another workspace's calls run at once.
 */
const partnerDelayMs = 2_000;
const workspaceCallLimit = 8;
let platform: Platform;
let partner: Server;
let partnerUrl = '';
const inFlight = { slow: 0, maxSlow: 0 };

beforeAll(async () => {
  partner = createServer((request, response) => {
    request.resume();
    const slow = request.url?.startsWith('/slow') === true;
    if (slow) inFlight.maxSlow = Math.max(inFlight.maxSlow, ++inFlight.slow);
    setTimeout(
      () => {
        if (slow) inFlight.slow--;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: slow ? 'slow-ok' : 'fast-ok' }));
      },
      slow ? partnerDelayMs : 0,
    );
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  const address = partner.address();
  partnerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_slowpartner`,
    flow: lookupFlow(`${partnerUrl}/slow`),
    workerEnv: { WORKSPACE_CALL_LIMIT: String(workspaceCallLimit) },
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  partner?.closeAllConnections();
  await new Promise((resolve) => partner?.close(resolve));
});

/** Sends `text` as `contact` and resolves with how long its first reply took (ms). */
async function replyTime(contact: string, text: string, channelId: string, secret?: string): Promise<number> {
  const before = platform.receiver.repliesTo(contact).length;
  const sent = Date.now();
  const response = await platform.post({ messageId: randomUUID(), from: contact, text }, { channelId, ...(secret ? { secret } : {}) });
  expect(response.status).toBe(202);
  const reply = await waitFor(`a reply to ${contact}`, () => platform.receiver.repliesTo(contact)[before]);
  return reply.receivedAt - sent;
}

describe('a slow partner', () => {
  it("keeps other bots fast while 40 sessions wait on it, and holds the workspace's calls in flight to its limit", async () => {
    const echoChannel = await platform.addBot(echoFlow);
    await replyTime('echo-warm', 'hi', echoChannel);
    const slowContacts = Array.from({ length: 40 }, (_, index) => `slow-${index}`);
    await Promise.all(slowContacts.map((contact) => platform.post({ messageId: randomUUID(), from: contact, text: 'hi' })));
    await waitFor('the slow partner busy', () => (inFlight.slow > 0 ? true : undefined));

    // Another workspace whose bot calls a fast partner: its calls do not queue behind the slow ones.
    const other = { id: await platform.addBot(lookupFlow(`${partnerUrl}/fast`), { workspace: 'Other' }) };

    const echoTimes: number[] = [];
    const otherTimes: number[] = [];
    for (let round = 0; round < 5; round++) {
      echoTimes.push(await replyTime('echo-1', `ping ${round}`, echoChannel));
      otherTimes.push(await replyTime(`other-${round}`, 'hi', other.id));
    }
    // The slow sessions are still waiting meanwhile (2 s each, 8 at a time: 10 s in all).
    expect(platform.receiver.replies.filter((reply) => reply.text === 'status slow-ok').length).toBeLessThan(40);
    expect(Math.max(...echoTimes), `echo reply times ${echoTimes.join(', ')} ms`).toBeLessThan(500);
    expect(Math.max(...otherTimes), `other workspace reply times ${otherTimes.join(', ')} ms`).toBeLessThan(800);
    expect(platform.receiver.replies.filter((reply) => reply.text === 'status fast-ok')).toHaveLength(5);

    await waitFor('every slow session answered', () => (platform.receiver.replies.filter((reply) => reply.text === 'status slow-ok').length === 40 ? true : undefined), 60_000);
    expect(inFlight.maxSlow).toBe(workspaceCallLimit);
    for (const contact of slowContacts) expect(platform.receiver.repliesTo(contact).map((reply) => reply.text)).toEqual(['status slow-ok']);
  }, 90_000);
});
