import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createBot } from './create-bot';
import { createDb } from './create-db';
import { createWorkspace } from './create-workspace';
import { getBot } from './get-bot';
import { getBotVersion } from './get-bot-version';
import { getLatestVersion } from './get-latest-version';
import { getWorkspaceBySlug } from './get-workspace-by-slug';
import { listBots } from './list-bots';
import { NotFoundError } from './not-found-error';
import { publishBot } from './publish-bot';
import { saveDraft } from './save-draft';
import { StaleDraftError } from './stale-draft-error';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

async function newWorkspace() {
  return createWorkspace(db, { name: 'Bots', slug: `bots-${randomUUID()}` });
}

describe('bots and versions', () => {
  it('creates, lists and reads bots with their latest version number', async () => {
    const workspace = await newWorkspace();
    expect(await getWorkspaceBySlug(db, workspace.slug)).toEqual(workspace);
    const a = await createBot(db, { workspaceId: workspace.id, name: 'A', draft: { v: 1 } });
    const b = await createBot(db, { workspaceId: workspace.id, name: 'B', description: 'second', draft: { v: 1 } });
    expect(a).toMatchObject({ description: null, draftRevision: 0, draft: { v: 1 } });
    expect(await getBot(db, b.id)).toEqual(b);
    expect(await getBot(db, randomUUID())).toBeNull();
    expect(await getLatestVersion(db, a.id)).toBeNull();

    await publishBot(db, b.id);
    const v2 = await publishBot(db, b.id, { publishedBy: 'user-1' });
    const list = await listBots(db, workspace.id);
    expect(list.map(({ name, description, latestVersionNumber }) => ({ name, description, latestVersionNumber })).sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: 'A', description: null, latestVersionNumber: null },
      { name: 'B', description: 'second', latestVersionNumber: 2 },
    ]);
    expect(await getLatestVersion(db, b.id)).toEqual(v2);
    expect(await getBotVersion(db, v2.id)).toEqual(v2);
    expect(v2.publishedBy).toBe('user-1');
  });

  it('publishes a copy of the draft: later draft edits do not change it', async () => {
    const workspace = await newWorkspace();
    const bot = await createBot(db, { workspaceId: workspace.id, name: 'Copy', draft: { text: 'one' } });
    const v1 = await publishBot(db, bot.id);
    await saveDraft(db, { botId: bot.id, draft: { text: 'two' } });
    expect((await getBotVersion(db, v1.id))?.flow).toEqual({ text: 'one' });
    expect((await publishBot(db, bot.id)).flow).toEqual({ text: 'two' });
  });

  it('gives concurrent publishes distinct, consecutive numbers', async () => {
    const workspace = await newWorkspace();
    const bot = await createBot(db, { workspaceId: workspace.id, name: 'Busy', draft: {} });
    const versions = await Promise.all(Array.from({ length: 8 }, () => publishBot(db, bot.id)));
    expect(versions.map((v) => v.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses to publish a missing bot', async () => {
    await expect(publishBot(db, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('saves drafts optimistically and refuses a stale revision', async () => {
    const workspace = await newWorkspace();
    const bot = await createBot(db, { workspaceId: workspace.id, name: 'Draft', draft: { n: 0 } });
    const first = await saveDraft(db, { botId: bot.id, draft: { n: 1 }, expectedRevision: 0 });
    expect(first).toMatchObject({ draftRevision: 1, draft: { n: 1 } });

    const stale = saveDraft(db, { botId: bot.id, draft: { n: 'lost' }, expectedRevision: 0 });
    await expect(stale).rejects.toBeInstanceOf(StaleDraftError);
    await expect(stale).rejects.toMatchObject({ expectedRevision: 0, currentRevision: 1 });
    expect((await getBot(db, bot.id))?.draft).toEqual({ n: 1 });

    // Two editors racing from the same revision: exactly one wins.
    const results = await Promise.allSettled([
      saveDraft(db, { botId: bot.id, draft: { n: 'a' }, expectedRevision: 1 }),
      saveDraft(db, { botId: bot.id, draft: { n: 'b' }, expectedRevision: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof StaleDraftError)).toHaveLength(1);

    expect(await saveDraft(db, { botId: bot.id, draft: { n: 'force' } })).toMatchObject({ draftRevision: 3 });
    await expect(saveDraft(db, { botId: randomUUID(), draft: {} })).rejects.toBeInstanceOf(NotFoundError);
  });
});
