import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './create-db';
import { createMigratedScratchDatabase } from './create-scratch-database';
import { getBot } from './get-bot';
import { getChannel } from './get-channel';
import { getWorkspaceHttpPolicy } from './get-workspace-http-policy';
import { getLatestVersion } from './get-latest-version';
import { seedDemo } from './seed-demo';

// Its own database: the demo's fixed ids and slug must not meet other test files' rows.
let db: Db;
let drop: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ db, drop } = await createMigratedScratchDatabase());
});
afterAll(() => drop());
const secretKey = randomBytes(32).toString('hex');
const input = { flow: { version: 1, start: 'hello', nodes: [{ id: 'hello', text: 'Hi!' }] }, outboundUrl: 'http://127.0.0.1:3002/replies', webhookSecret: 'whsec_demo' };

describe('seedDemo', () => {
  it('is idempotent, concurrency-safe, and republishes only when the flow changes', async () => {
    const [a, b] = await Promise.all([seedDemo(db, input, secretKey), seedDemo(db, input, secretKey)]);
    expect(b).toEqual(a);
    expect(await seedDemo(db, input, secretKey)).toEqual(a);
    expect(a.channelId).toBe('demo-http');
    // The demo workspace opens no private address to its bots' elements.
    expect(await getWorkspaceHttpPolicy(db, a.workspaceId)).toEqual({ allow: [] });
    expect(await db.bot.count({ where: { workspaceId: a.workspaceId } })).toBe(1);
    expect(await db.botVersion.count({ where: { botId: a.botId } })).toBe(1);

    const channel = await getChannel(db, 'demo-http', secretKey);
    expect(channel).toMatchObject({ type: 'http', enabled: true, config: { outboundUrl: input.outboundUrl }, secrets: { webhookSecret: 'whsec_demo' }, botId: a.botId });
    expect((await getBot(db, a.botId))?.draft).toEqual(input.flow);

    const changed = { ...input, flow: { ...input.flow, start: 'bye' }, webhookSecret: 'whsec_new' };
    const c = await seedDemo(db, changed, secretKey);
    expect(c.botVersionId).not.toBe(a.botVersionId);
    expect(await getLatestVersion(db, a.botId)).toMatchObject({ number: 2, flow: changed.flow });
    expect((await getChannel(db, 'demo-http', secretKey))?.secrets).toEqual({ webhookSecret: 'whsec_new' });
  });
});
