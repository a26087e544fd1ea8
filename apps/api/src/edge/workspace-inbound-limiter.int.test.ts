import { randomBytes, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateWebhookSecret, signHttpPayload } from '@parley/channels';
import { createBot, createChannel, createDb, createWorkspace } from '@parley/db';
import { createQueues, type Queues } from '@parley/queue';
import { buildServer } from '../build-server';

/**
 * The ingress's limit per workspace, through the real API (in process) on the run's
 * Postgres and Redis: a workspace over its own inboundRatePerSecond gets 429 with
 * Retry-After and nothing is stored; another workspace on the same API is not affected.
 */
const db = createDb(inject('databaseUrl'));
const secretKey = randomBytes(32).toString('hex');
let queues: Queues;
const workspaces: string[] = [];

beforeAll(() => {
  queues = createQueues({ redisUrl: inject('redisUrl'), prefix: `${inject('redisPrefix')}_ws_inbound` });
});

afterAll(async () => {
  await db.workspace.deleteMany({ where: { id: { in: workspaces } } });
  await queues.close();
  await db.$disconnect();
});

async function channelOf(inboundRatePerSecond: number | null): Promise<{ id: string; secret: string; workspaceId: string }> {
  const workspace = await createWorkspace(db, { name: 'Limits', slug: `limits-${randomUUID().slice(0, 8)}` });
  workspaces.push(workspace.id);
  await db.workspace.update({ where: { id: workspace.id }, data: { inboundRatePerSecond } });
  const bot = await createBot(db, { workspaceId: workspace.id, name: 'Bot', draft: {} });
  const secret = generateWebhookSecret();
  const channel = await createChannel(db, { workspaceId: workspace.id, botId: bot.id, type: 'http', name: 'in', config: { outboundUrl: 'https://example.com/out' }, secrets: { webhookSecret: secret } }, secretKey);
  return { id: channel.id, secret, workspaceId: workspace.id };
}

describe('inbound messages per workspace', () => {
  it('refuses a workspace past its own rate with 429 and Retry-After, storing nothing; others go on', async () => {
    const app = buildServer({ db, queues, secretKey, logger: pino({ level: 'silent' }), maxBodyBytes: 65_536, channelCacheMs: 0, workspaceInboundRate: 0 });
    try {
      const limited = await channelOf(3);
      const free = await channelOf(null);
      const post = async (channel: { id: string; secret: string }, index: number) => {
        const raw = JSON.stringify({ messageId: `m-${randomUUID()}`, from: `c${index}`, text: 'hi' });
        return app.inject({
          method: 'POST',
          url: `/webhooks/http/${channel.id}`,
          headers: { 'content-type': 'application/json', ...signHttpPayload(raw, channel.secret, randomUUID(), new Date()) },
          payload: raw,
        });
      };
      const answers = [];
      for (let index = 0; index < 5; index += 1) answers.push(await post(limited, index));
      expect(answers.map((answer) => answer.statusCode)).toEqual([202, 202, 202, 429, 429]);
      expect(Number(answers[3]?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(answers[3]?.json()).toMatchObject({ error: 'too_many_requests' });
      expect(await db.message.count({ where: { workspaceId: limited.workspaceId } })).toBe(3);
      // A workspace without a limit of its own, under the default of 0 (off), is not limited.
      const others = [];
      for (let index = 0; index < 5; index += 1) others.push((await post(free, index)).statusCode);
      expect(others).toEqual([202, 202, 202, 202, 202]);
      // The bucket refills: a second later one more message of the limited workspace passes.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await post(limited, 9)).statusCode).toBe(202);
    } finally {
      await app.close();
    }
  });
});
