import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createBot } from './create-bot';
import { createComponent } from './create-component';
import { createDb } from './create-db';
import { createWorkspace } from './create-workspace';
import { getBot } from './get-bot';
import { getComponent } from './get-component';
import { getComponentVersion } from './get-component-version';
import { getLatestVersion } from './get-latest-version';
import { listComponentVersions } from './list-component-versions';
import { listComponents } from './list-components';
import { NotFoundError } from './not-found-error';
import { publishBotFlow } from './publish-bot-flow';
import { publishComponent } from './publish-component';
import { saveComponentDraft } from './save-component-draft';
import { saveDraft } from './save-draft';
import { StaleComponentDraftError } from './stale-component-draft-error';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

async function newWorkspace() {
  return createWorkspace(db, { name: 'Components', slug: `components-${randomUUID()}` });
}

describe('components and their versions', () => {
  it('creates, lists, saves and publishes immutable numbered versions', async () => {
    const workspace = await newWorkspace();
    const component = await createComponent(db, { workspaceId: workspace.id, name: 'Ask', draft: { text: 'one' } });
    expect(component).toMatchObject({ name: 'Ask', description: null, draftRevision: 0, draft: { text: 'one' } });
    expect(await getComponent(db, component.id)).toEqual(component);
    expect(await getComponent(db, randomUUID())).toBeNull();
    expect(await getComponentVersion(db, component.id, 'latest')).toBeNull();

    const v1 = await publishComponent(db, component.id, { publishedBy: 'user-1' });
    expect(v1).toMatchObject({ componentId: component.id, number: 1, document: { text: 'one' }, publishedBy: 'user-1' });
    const saved = await saveComponentDraft(db, { componentId: component.id, name: 'Ask again', draft: { text: 'two' }, expectedRevision: 0 });
    expect(saved).toMatchObject({ name: 'Ask again', draftRevision: 1, draft: { text: 'two' } });
    const v2 = await publishComponent(db, component.id);

    // Published versions are copies: later drafts do not change them.
    expect((await getComponentVersion(db, component.id, 1))?.document).toEqual({ text: 'one' });
    expect(await getComponentVersion(db, component.id, 'latest')).toEqual(v2);
    expect(await getComponentVersion(db, component.id, 3)).toBeNull();
    expect((await listComponentVersions(db, component.id)).map(({ number, publishedBy }) => ({ number, publishedBy }))).toEqual([
      { number: 2, publishedBy: null },
      { number: 1, publishedBy: 'user-1' },
    ]);

    await createComponent(db, { workspaceId: workspace.id, name: 'Draft only', description: 'never published', draft: {} });
    const listed = await listComponents(db, workspace.id);
    expect(listed.map(({ name, description, latestVersionNumber }) => ({ name, description, latestVersionNumber }))).toEqual([
      { name: 'Draft only', description: 'never published', latestVersionNumber: null },
      { name: 'Ask again', description: null, latestVersionNumber: 2 },
    ]);
    expect(await listComponents(db, (await newWorkspace()).id)).toEqual([]);
  });

  it('refuses a stale draft revision and a missing component', async () => {
    const workspace = await newWorkspace();
    const component = await createComponent(db, { workspaceId: workspace.id, name: 'C', draft: { n: 0 } });
    await saveComponentDraft(db, { componentId: component.id, name: 'C', draft: { n: 1 }, expectedRevision: 0 });
    const stale = saveComponentDraft(db, { componentId: component.id, name: 'C', draft: { n: 'lost' }, expectedRevision: 0 });
    await expect(stale).rejects.toBeInstanceOf(StaleComponentDraftError);
    await expect(stale).rejects.toMatchObject({ expectedRevision: 0, currentRevision: 1 });
    expect((await getComponent(db, component.id))?.draft).toEqual({ n: 1 });
    await expect(saveComponentDraft(db, { componentId: randomUUID(), name: 'x', draft: {} })).rejects.toBeInstanceOf(NotFoundError);
    await expect(publishComponent(db, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gives concurrent publishes distinct, consecutive numbers', async () => {
    const workspace = await newWorkspace();
    const component = await createComponent(db, { workspaceId: workspace.id, name: 'Busy', draft: {} });
    const versions = await Promise.all(Array.from({ length: 6 }, () => publishComponent(db, component.id)));
    expect(versions.map((version) => version.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('publishBotFlow', () => {
  it('publishes what the builder makes of the draft read under the lock', async () => {
    const workspace = await newWorkspace();
    const bot = await createBot(db, { workspaceId: workspace.id, name: 'B', draft: { text: 'draft' } });
    const component = await createComponent(db, { workspaceId: workspace.id, name: 'C', draft: { a: 1 } });
    const version = await publishBotFlow(
      db,
      bot.id,
      async (draft, tx) => ({ draft, component: (await getComponent(tx, component.id))?.name }),
      { publishedBy: 'user-2' },
    );
    expect(version).toMatchObject({ number: 1, flow: { draft: { text: 'draft' }, component: 'C' }, publishedBy: 'user-2' });
    expect((await getBot(db, bot.id))?.draft).toEqual({ text: 'draft' });
  });

  it('publishes nothing when the builder throws, and refuses a missing bot', async () => {
    const workspace = await newWorkspace();
    const bot = await createBot(db, { workspaceId: workspace.id, name: 'B', draft: {} });
    await expect(
      publishBotFlow(db, bot.id, async () => {
        throw new Error('invalid');
      }),
    ).rejects.toThrow('invalid');
    expect(await getLatestVersion(db, bot.id)).toBeNull();
    await expect(publishBotFlow(db, randomUUID(), async (draft) => draft)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('numbers concurrent publishes consecutively, each from the draft current at its turn', async () => {
    const workspace = await newWorkspace();
    const bot = await createBot(db, { workspaceId: workspace.id, name: 'B', draft: { n: 0 } });
    const publishes = Array.from({ length: 4 }, (_, index) =>
      publishBotFlow(db, bot.id, async (draft, tx) => {
        // A save inside the lock is seen by the next publish, never lost between read and write.
        await saveDraft(tx, { botId: bot.id, draft: { n: index + 1 } });
        return draft;
      }),
    );
    const versions = await Promise.all(publishes);
    expect(versions.map((version) => version.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4]);
    const flows = versions.sort((x, y) => x.number - y.number).map((version) => version.flow);
    expect(flows[0]).toEqual({ n: 0 });
    expect(new Set(flows.map((flow) => JSON.stringify(flow))).size).toBe(4);
  });
});
