import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { createDb, insertInboundMessage, StaleSessionError, type Db, type Tx } from '@parley/db';
import type { Flow } from '@parley/engine';
import { createQueues, createRedis, enqueueInbound, inboundJobSchema, jobBackoffStrategy, queueNames } from '@parley/queue';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRunnerTestFixture, echoTestFlow } from './create-runner-test-fixture';
import { FlowCache } from './flow-cache';
import { processInbox } from './process-inbox';

/**
 * Optimistic concurrency: a turn whose session moved on under it (another writer
 * committed a newer version) must not be applied. The stale write throws, the
 * whole turn rolls back, and the queue retries the job, which re-reads the
 * session and applies the turn once.
 */
const db = createDb(inject('databaseUrl'));

afterAll(async () => {
  await db.$disconnect();
});

/** A FlowCache that, the first time the turn loads the flow, bumps the session's version from another connection. */
class SabotagingFlowCache extends FlowCache {
  sabotaged = 0;

  constructor(
    private readonly outsider: Db,
    private readonly sessionId: () => string | null,
  ) {
    super();
  }

  override async get(db: Db | Tx, botVersionId: string): Promise<Flow> {
    const sessionId = this.sessionId();
    if (sessionId && this.sabotaged === 0) {
      this.sabotaged += 1;
      // Committed at once, outside the turn's transaction (which has only read the session so far).
      await this.outsider.session.update({ where: { id: sessionId }, data: { version: { increment: 1 } } });
    }
    return super.get(db, botVersionId);
  }
}

describe('a stale session write', () => {
  it('is rolled back and retried by the job, never applied', async () => {
    let sessionId: string | null = null;
    const flows = new SabotagingFlowCache(db, () => sessionId);
    const fixture = await createRunnerTestFixture(db, echoTestFlow);
    const ctx = { ...fixture.ctx, flows };
    const contact = fixture.contact();
    const say = async (text: string): Promise<string> => {
      const { message } = await insertInboundMessage(db, {
        workspaceId: fixture.workspaceId,
        channelId: fixture.channelId,
        channelMessageId: randomUUID(),
        contact,
        text,
        payload: { text },
      });
      return message.id;
    };

    // First message: the session starts normally (nothing to sabotage yet).
    await say('hello');
    await processInbox(ctx, { channelId: fixture.channelId, contact });
    const started = await db.session.findFirstOrThrow({ where: { channelId: fixture.channelId, contact } });
    sessionId = started.id;

    // Second message, through a real queue and worker; its first attempt hits the stale write.
    const prefix = `${inject('redisPrefix')}_stale_${randomUUID().slice(0, 8)}`;
    const connection = createRedis(inject('redisUrl'));
    const queues = createQueues({ redisUrl: inject('redisUrl'), prefix });
    const secondId = await say('again');
    const observed: Promise<{ error: string; inboundStatus: string; replies: string[]; version: number }>[] = [];
    const worker = new Worker(
      queueNames.inbound,
      async (job) => {
        await processInbox(ctx, inboundJobSchema.parse(job.data));
      },
      { connection, prefix, settings: { backoffStrategy: jobBackoffStrategy } },
    );
    worker.on('failed', (_job, error) => {
      // What the database holds between the failed attempt and its retry.
      observed.push(
        (async () => {
          const inbound = await db.message.findUniqueOrThrow({ where: { id: secondId } });
          const replies = await db.message.findMany({ where: { sessionId: started.id, direction: 'outbound' }, orderBy: { seq: 'asc' } });
          const session = await db.session.findUniqueOrThrow({ where: { id: started.id } });
          return { error: error.name, inboundStatus: inbound.status, replies: replies.map((reply) => reply.text ?? ''), version: session.version };
        })(),
      );
    });
    const completed = new Promise<number>((resolve) => worker.on('completed', (job) => resolve(job.attemptsMade)));
    try {
      await enqueueInbound(queues, { channelId: fixture.channelId, contact }, secondId);
      const attemptsMade = await completed;

      expect(flows.sabotaged).toBe(1);
      expect(attemptsMade).toBe(2);
      const [between] = await Promise.all(observed);
      expect(between).toEqual({
        error: new StaleSessionError(started.id, 0).name,
        inboundStatus: 'received',
        replies: ['ready'],
        version: started.version + 1,
      });
      const replies = await db.message.findMany({ where: { sessionId: started.id, direction: 'outbound' }, orderBy: { seq: 'asc' } });
      expect(replies.map((reply) => reply.text)).toEqual(['ready', 'echo again']);
      expect(await db.message.findUniqueOrThrow({ where: { id: secondId } })).toMatchObject({ status: 'processed', sessionId: started.id });
      // The outside bump plus exactly one applied turn.
      expect((await db.session.findUniqueOrThrow({ where: { id: started.id } })).version).toBe(started.version + 2);
    } finally {
      await worker.close();
      await queues.inbound.obliterate({ force: true });
      await queues.close();
      await connection.quit();
    }
  });
});
