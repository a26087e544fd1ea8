import { randomBytes, randomUUID } from 'node:crypto';
import { createBot } from './create-bot';
import { createChannel } from './create-channel';
import type { Db } from './create-db';
import { createWorkspace } from './create-workspace';
import type { Bot, BotVersion, Workspace } from './generated/client';
import { publishBot } from './publish-bot';
import type { Channel } from './to-channel';

export type TestFixture = {
  secretKey: string;
  workspace: Workspace;
  bot: Bot;
  version: BotVersion;
  channel: Channel;
};

/**
 * For integration tests: a fresh workspace (unique slug) with a published bot
 * and an HTTP channel, so tests sharing one database never see each other's rows.
 */
export async function createTestFixture(db: Db): Promise<TestFixture> {
  const secretKey = randomBytes(32).toString('hex');
  const workspace = await createWorkspace(db, { name: 'Test', slug: `test-${randomUUID()}` });
  const bot = await createBot(db, { workspaceId: workspace.id, name: 'Test bot', draft: { version: 1, nodes: [] } });
  const version = await publishBot(db, bot.id);
  const channel = await createChannel(
    db,
    {
      workspaceId: workspace.id,
      botId: bot.id,
      type: 'http',
      name: 'Test channel',
      config: { outboundUrl: 'http://127.0.0.1:9/replies' },
      secrets: { webhookSecret: 'whsec_test' },
    },
    secretKey,
  );
  return { secretKey, workspace, bot, version, channel };
}
