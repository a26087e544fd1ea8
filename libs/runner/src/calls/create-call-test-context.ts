import { randomBytes, randomUUID } from 'node:crypto';
import { createBot, createChannel, createSession, createWorkspace, publishBot, type Db } from '@parley/db';
import type { CallContext } from './call-executor';

/**
 * For executor integration tests: a fresh workspace (unique slug) with a published bot,
 * an HTTP channel and an active session for a random contact, as the CallContext an
 * executor receives (with a fresh random secret key). Tests sharing one database never
 * see each other's rows.
 */
export async function createCallTestContext(db: Db, now = Date.UTC(2026, 0, 2, 3, 4, 5)): Promise<CallContext> {
  const secretKey = randomBytes(32).toString('hex');
  const workspace = await createWorkspace(db, { name: 'Calls', slug: `calls-${randomUUID()}` });
  const bot = await createBot(db, { workspaceId: workspace.id, name: 'Calls bot', draft: { version: 1 } });
  const version = await publishBot(db, bot.id);
  const channel = await createChannel(
    db,
    {
      workspaceId: workspace.id,
      botId: bot.id,
      type: 'http',
      name: 'Calls channel',
      config: { outboundUrl: 'http://127.0.0.1:9/replies' },
      secrets: { webhookSecret: 'whsec_test' },
    },
    secretKey,
  );
  const contact = randomUUID();
  const session = await createSession(db, {
    workspaceId: workspace.id,
    botId: bot.id,
    botVersionId: version.id,
    channelId: channel.id,
    contact,
    state: {},
  });
  return { workspaceId: workspace.id, botId: bot.id, sessionId: session.id, channelId: channel.id, contact, now, secretKey };
}
