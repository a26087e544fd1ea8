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
import { publishBotFlow } from './publish-bot-flow';
import { listBotVersions } from './list-bot-versions';
import { getBotVersionByNumber } from './get-bot-version-by-number';
import { getBotDraftState } from './get-bot-draft-state';
import { updateBot } from './update-bot';

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

  it('records who saved the draft, and names them in a stale save and in the draft state', async () => {
    const workspace = await newWorkspace();
    const ana = await db.user.create({ data: { email: `ana-${randomUUID()}@example.com`, name: 'Ana Lopez' } });
    const noName = await db.user.create({ data: { email: `bo-${randomUUID()}@example.com` } });
    const bot = await createBot(db, { workspaceId: workspace.id, name: 'Saved by', draft: { n: 0 }, draftUpdatedBy: noName.id });
    expect(await getBotDraftState(db, { workspaceId: workspace.id, botId: bot.id })).toEqual({
      draftRevision: 0,
      updatedAt: bot.updatedAt,
      updatedBy: { id: noName.id, name: noName.email },
    });
    const saved = await saveDraft(db, { botId: bot.id, draft: { n: 1 }, expectedRevision: 0, updatedBy: ana.id });
    await expect(saveDraft(db, { botId: bot.id, draft: { n: 2 }, expectedRevision: 0, updatedBy: noName.id })).rejects.toMatchObject({
      currentRevision: 1,
      currentUpdatedBy: ana.id,
    });
    expect(await getBotDraftState(db, { workspaceId: workspace.id, botId: bot.id })).toEqual({
      draftRevision: 1,
      updatedAt: saved.updatedAt,
      updatedBy: { id: ana.id, name: 'Ana Lopez' },
    });
    // An API key's save (no user), and a bot of another workspace.
    await saveDraft(db, { botId: bot.id, draft: { n: 3 } });
    expect(await getBotDraftState(db, { workspaceId: workspace.id, botId: bot.id })).toMatchObject({ draftRevision: 2, updatedBy: null });
    expect(await getBotDraftState(db, { workspaceId: (await newWorkspace()).id, botId: bot.id })).toBeNull();
  });

  it('renames without touching the draft revision', async () => {
    const workspace = await newWorkspace();
    const bot = await createBot(db, { workspaceId: workspace.id, name: 'Before', description: 'old', draft: {} });
    expect(await updateBot(db, bot.id, { name: 'After' })).toMatchObject({ name: 'After', description: 'old', draftRevision: 0 });
    expect(await updateBot(db, bot.id, { description: null })).toMatchObject({ name: 'After', description: null });
    await expect(updateBot(db, randomUUID(), { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps the draft as written, the note and the publisher with each version, and lists them newest first', async () => {
    const workspace = await newWorkspace();
    const ana = await db.user.create({ data: { email: `ana-${randomUUID()}@example.com`, name: 'Ana Lopez' } });
    const bot = await createBot(db, { workspaceId: workspace.id, name: 'History', draft: { text: 'as written' } });
    const v1 = await publishBotFlow(db, bot.id, async (draft) => ({ built: draft }), { publishedBy: ana.id, note: 'First' });
    expect(v1).toMatchObject({ number: 1, flow: { built: { text: 'as written' } }, source: { text: 'as written' }, note: 'First' });
    await publishBot(db, bot.id, { publishedBy: 'gone-user' });
    expect(await listBotVersions(db, bot.id)).toEqual([
      { number: 2, publishedAt: expect.any(Date), note: null, publishedBy: null },
      { number: 1, publishedAt: v1.publishedAt, note: 'First', publishedBy: { id: ana.id, name: 'Ana Lopez' } },
    ]);
    expect(await getBotVersionByNumber(db, bot.id, 1)).toEqual(v1);
    expect(await getBotVersionByNumber(db, bot.id, 3)).toBeNull();
  });
});
