import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { echoFlow } from '../support/echo-flow';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * Fair turn work between workspaces: one workspace floods the platform (hundreds of
 * messages at once, far above its share) while another talks at an ordinary pace. The
 * flood takes the bulk lane (WORKSPACE_TURN_RATE, low here) and, while the other
 * workspace talks (and BULK_LANE_CONTENDED_MS after), starts its turns at
 * BULK_LANE_RATE only: the quiet workspace is answered at once, the flood waits in its
 * queue, and once the quiet one has fallen silent the flood is answered in full —
 * every message once, in order per contact.
 */
const floodContacts = 300;
const floodPerContact = 2;
let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_noisy`,
    flow: echoFlow,
    apiEnv: { WORKSPACE_TURN_RATE: '20' },
    workerEnv: { BULK_LANE_RATE: '30', BULK_LANE_CONTENDED_MS: '3000' },
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

const repliesOf = (prefix: string): number => platform.receiver.replies.filter((reply) => reply.to.startsWith(prefix)).length;

describe('a workspace flooding the platform', () => {
  it('waits for its share while another workspace is answered at once, then is answered in full and in order', async () => {
    const quiet = { id: await platform.addBot(echoFlow, { workspace: 'Quiet' }) };
    // Sessions first (and warm processes); nobody else has work yet, so nothing waits.
    await platform.post({ messageId: randomUUID(), from: 'quiet-0', text: 'hi' }, { channelId: quiet.id });
    await Promise.all(Array.from({ length: floodContacts }, (_, index) => platform.post({ messageId: randomUUID(), from: `flood-${index}`, text: 'hi' })));
    await waitFor('every session started', () => (repliesOf('quiet-') + repliesOf('flood-') === floodContacts + 1 ? true : undefined), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the start-up burst leaves the rate meters

    // The quiet workspace talks: 12 messages, 100 ms apart. After its first reply, the other
    // workspace floods: 600 messages as fast as the API takes them, 50 requests at a time (an
    // admitted inbox job answers every message its contact has waiting, so the flood is
    // spread over many contacts).
    const quietTimes: number[] = [];
    let flood: Promise<void> | undefined;
    for (let index = 0; index < 12; index++) {
      const before = platform.receiver.repliesTo('quiet-0').length;
      const sent = Date.now();
      await platform.post({ messageId: randomUUID(), from: 'quiet-0', text: `q${index}` }, { channelId: quiet.id });
      const reply = await waitFor('the quiet reply', () => platform.receiver.repliesTo('quiet-0')[before], 10_000);
      quietTimes.push(reply.receivedAt - sent);
      flood ??= (async () => {
        for (let round = 0; round < floodPerContact; round++) {
          for (let from = 0; from < floodContacts; from += 50) {
            await Promise.all(
              Array.from({ length: 50 }, async (_, offset) => {
                const response = await platform.post({ messageId: randomUUID(), from: `flood-${from + offset}`, text: `f${round}` });
                expect(response.status).toBe(202);
              }),
            );
          }
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await flood;
    const floodAnsweredMeanwhile = repliesOf('flood-') - floodContacts;

    expect(Math.max(...quietTimes), `quiet reply times ${quietTimes.join(', ')} ms`).toBeLessThan(750);
    // While the quiet workspace talked, the flood was held to its share (about 30 turns a second
    // for ~1.5 s, plus what went through before it crossed its rate): most of it was still waiting.
    expect(floodAnsweredMeanwhile, 'flood replies while the quiet workspace talked').toBeLessThan(floodContacts * floodPerContact * 0.5);

    await waitFor('the whole flood answered', () => (repliesOf('flood-') === floodContacts * (floodPerContact + 1) ? true : undefined), 60_000);
    for (let index = 0; index < floodContacts; index++) {
      expect(platform.receiver.repliesTo(`flood-${index}`).map((reply) => reply.text)).toEqual(['ready', ...Array.from({ length: floodPerContact }, (_, round) => `echo f${round}`)]);
    }
  }, 120_000);
});
