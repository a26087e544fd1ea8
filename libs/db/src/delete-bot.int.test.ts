import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BotInUseError } from './bot-in-use-error';
import { createBot } from './create-bot';
import { createChannel } from './create-channel';
import { createDb } from './create-db';
import { createSession } from './create-session';
import { createWorkspace } from './create-workspace';
import { deleteBot } from './delete-bot';
import { NotFoundError } from './not-found-error';
import { publishBot } from './publish-bot';
import { withWorkspaceScope } from './with-workspace-scope';

const db = createDb(inject('databaseUrl'));
const secretKey = randomBytes(32).toString('hex');
afterAll(() => db.$disconnect());

describe('deleteBot', () => {
  it('refuses while channels route to the bot, naming them, and deletes nothing', async () => {
    const workspace = await createWorkspace(db, { name: 'Delete', slug: `delete-${randomUUID()}` });
    const bot = await createBot(db, { workspaceId: workspace.id, name: 'Routed', draft: {} });
    const channel = { workspaceId: workspace.id, botId: bot.id, type: 'http' as const, config: { outboundUrl: 'https://example.test/' }, secrets: {} };
    await createChannel(db, { ...channel, name: 'Website' }, secretKey);
    await createChannel(db, { ...channel, name: 'Support WhatsApp' }, secretKey);
    const refused = deleteBot(db, bot.id);
    await expect(refused).rejects.toBeInstanceOf(BotInUseError);
    await expect(refused).rejects.toMatchObject({ channels: [{ name: 'Support WhatsApp' }, { name: 'Website' }] });
    expect(await db.bot.count({ where: { id: bot.id } })).toBe(1);
    await expect(deleteBot(db, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deletes the bot with its versions and sessions under the workspace's row-level security; the channel's messages stay", async () => {
    const workspace = await createWorkspace(db, { name: 'Delete', slug: `delete-${randomUUID()}` });
    const old = await createBot(db, { workspaceId: workspace.id, name: 'Old', draft: {} });
    const replacement = await createBot(db, { workspaceId: workspace.id, name: 'New', draft: {} });
    const version = await publishBot(db, old.id);
    const channel = await createChannel(
      db,
      { workspaceId: workspace.id, botId: old.id, type: 'http', name: 'Website', config: { outboundUrl: 'https://example.test/' }, secrets: {} },
      secretKey,
    );
    const session = await createSession(db, { workspaceId: workspace.id, botId: old.id, botVersionId: version.id, channelId: channel.id, contact: 'c1', state: {} });
    const message = await db.message.create({
      data: { workspaceId: workspace.id, channelId: channel.id, sessionId: session.id, direction: 'inbound', channelMessageId: 'm1', contact: 'c1', status: 'processed' },
    });
    await db.csatResponse.create({ data: { workspaceId: workspace.id, botId: old.id, sessionId: session.id, scale: 'five-stars', score: 5 } });
    // The channel now routes to the replacement: the old bot may go.
    await db.channel.update({ where: { id: channel.id }, data: { botId: replacement.id } });

    const deleted = await withWorkspaceScope(db, workspace.id, (tx) => deleteBot(tx, old.id));
    expect(deleted).toMatchObject({ id: old.id, name: 'Old' });
    expect(await db.bot.count({ where: { id: old.id } })).toBe(0);
    expect(await db.botVersion.count({ where: { botId: old.id } })).toBe(0);
    expect(await db.session.count({ where: { botId: old.id } })).toBe(0);
    expect(await db.csatResponse.count({ where: { botId: old.id } })).toBe(0);
    expect(await db.channel.count({ where: { id: channel.id } })).toBe(1);
    expect(await db.message.findUnique({ where: { id: message.id } })).toMatchObject({ sessionId: null });
  });

  it("does not see another workspace's bot", async () => {
    const mine = await createWorkspace(db, { name: 'Mine', slug: `delete-${randomUUID()}` });
    const theirs = await createWorkspace(db, { name: 'Theirs', slug: `delete-${randomUUID()}` });
    const bot = await createBot(db, { workspaceId: theirs.id, name: 'Theirs', draft: {} });
    await expect(withWorkspaceScope(db, mine.id, (tx) => deleteBot(tx, bot.id))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.bot.count({ where: { id: bot.id } })).toBe(1);
  });
});
