import { randomBytes, randomUUID } from 'node:crypto';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createDb, createWorkspace, type Db, type MemberRole, type Workspace } from '@parley/db';
import { flowIssueSchema, type FlowInput } from '@parley/engine';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../app-router';
import { createCaller } from '../create-caller';
import { createContext, type Context } from '../create-context';
import { starterFlow } from '../starter-flow';
import { trpcError } from '../testing/trpc-error';
import { flowIssuesOf } from '../testing/flow-issues-of';
import { botTemplates } from './templates/bot-templates';

/**
 * What the visual editor does with bots, against the real database, as the people
 * using it see it: work-in-progress saves, teammates' saves noticed and named,
 * rename, duplicate, delete, templates and imports, the version history and restore.
 */

const secretKey = randomBytes(32).toString('hex');
const suffix = randomUUID().slice(0, 8);
let db: Db;
let workspace: Workspace;
let ana: { id: string; email: string; name: string };
let bo: { id: string; email: string; name: string };

beforeAll(async () => {
  db = createDb(inject('databaseUrl'), { maxConnections: 4 });
  workspace = await createWorkspace(db, { name: 'Editor API', slug: `bots-editor-${suffix}` });
  ana = await db.user.create({ data: { email: `ana-${suffix}@parley.test`, name: 'Ana Lopez' } });
  bo = await db.user.create({ data: { email: `bo-${suffix}@parley.test`, name: 'Bo Berg' } });
  for (const user of [ana, bo]) await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'builder' } });
});

afterAll(async () => {
  await db?.workspace.deleteMany({ where: { id: workspace?.id ?? '' } });
  await db?.$disconnect();
});

function contextOf(user: { id: string; email: string; name: string }, role: MemberRole = 'builder'): Context {
  return createContext({
    db,
    secretKey,
    principal: { kind: 'user', userId: user.id, email: user.email, name: user.name },
    workspace: { id: workspace.id, slug: workspace.slug },
    role,
  });
}

const as = (user: { id: string; email: string; name: string }, role: MemberRole = 'builder') => createCaller(contextOf(user, role));


/** One POST through tRPC's HTTP handler as Ana; the error body a client without a transformer gets. */
async function post(path: string, input: unknown) {
  const response = await fetchRequestHandler({
    endpoint: '/trpc',
    router: appRouter,
    req: new Request(`http://api.test/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
    createContext: () => contextOf(ana),
  });
  const body = z
    .object({
      error: z.object({
        message: z.string(),
        data: z.object({ code: z.string(), issues: z.array(flowIssueSchema).nullable(), inputIssues: z.array(z.object({ field: z.string(), message: z.string() })).nullable() }),
      }),
    })
    .parse(await response.json());
  return { status: response.status, error: body.error };
}

/** The starter flow with its greeting emptied: a typical half-edited draft. */
function halfEdited(): FlowInput {
  const draft = starterFlow();
  const greeting = draft.dialogs[0]?.elements[0];
  if (greeting?.type === 'send-message') greeting.text = '';
  return draft;
}

async function auditOf(botId: string) {
  const rows = await db.auditLog.findMany({ where: { targetId: botId }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => ({ action: row.action, actorId: row.actorId, details: row.details }));
}

describe('work-in-progress drafts', () => {
  it('saves a draft with an empty Send message text when errors are allowed, and names the error', async () => {
    const { id } = await as(ana).bots.create({ name: 'Half done' });
    const refused = await trpcError(as(ana).bots.saveDraft({ id, draft: halfEdited() }));
    expect(refused.code).toBe('BAD_REQUEST');

    const saved = await as(ana).bots.saveDraft({ id, draft: halfEdited(), allowErrors: true, expectedRevision: 0 });
    expect(saved.draftRevision).toBe(1);
    expect(saved.errors).toEqual([expect.objectContaining({ path: 'dialogs[0].elements[0].text', elementId: 'welcome', field: 'text' })]);
    expect((await as(ana).bots.get({ id })).draft).toEqual(halfEdited());

    // A valid save reports no errors; publishing a draft with errors is still refused.
    expect((await as(ana).bots.saveDraft({ id, draft: starterFlow(), allowErrors: true })).errors).toEqual([]);
    await as(ana).bots.saveDraft({ id, draft: halfEdited(), allowErrors: true });
    const publish = await trpcError(as(ana).bots.publish({ id }));
    expect(publish.code).toBe('BAD_REQUEST');
    expect(flowIssuesOf(publish)).toEqual([expect.objectContaining({ path: 'dialogs[0].elements[0].text' })]);
    expect(await as(ana).bots.versions({ id })).toEqual([]);
  });

  it('refuses even a work in progress without the draft shape, naming each path and rule, and saves nothing', async () => {
    const { id } = await as(ana).bots.create({ name: 'Broken shape' });
    const draft = { ...starterFlow(), dialogs: [{ id: 'main', name: 'Main', startElementId: 'x', elements: [{ id: 'x', type: 'teleport' }] }] };
    const refused = await trpcError(as(ana).bots.saveDraft({ id, draft, allowErrors: true }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/^Draft cannot be saved, even as a work in progress \(2 problems\): /);
    expect(flowIssuesOf(refused)).toEqual([
      expect.objectContaining({ path: 'dialogs[0].elements[0].type', elementId: 'x', rule: 'unknown-element-type' }),
      expect.objectContaining({ path: 'dialogs[0].edges', dialogId: 'main', rule: 'required' }),
    ]);
    const http = await post('bots.saveDraft', { id, draft, allowErrors: true });
    expect(http.status).toBe(400);
    expect(http.error.data.issues).toEqual(flowIssuesOf(refused));
    expect((await as(ana).bots.get({ id })).draftRevision).toBe(0);
  });
});

describe('saves by teammates and other tabs', () => {
  it("tells who saved: draftState names the last saver, and a stale save's CONFLICT names them too", async () => {
    const { id } = await as(ana).bots.create({ name: 'Shared' });
    const analyst = as(bo, 'analyst');
    expect(await analyst.bots.draftState({ id })).toEqual({ draftRevision: 0, updatedAt: expect.any(String), updatedBy: { id: ana.id, name: 'Ana Lopez' } });

    const saved = await as(ana).bots.saveDraft({ id, draft: starterFlow(), expectedRevision: 0 });
    expect(await analyst.bots.draftState({ id })).toEqual({ draftRevision: 1, updatedAt: saved.updatedAt, updatedBy: { id: ana.id, name: 'Ana Lopez' } });

    const stale = await trpcError(as(bo).bots.saveDraft({ id, draft: halfEdited(), allowErrors: true, expectedRevision: 0 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe('Ana Lopez saved this bot after you loaded it: it is at revision 1, not 0. Reload it before saving.');
    const otherTab = await trpcError(as(ana).bots.saveDraft({ id, draft: starterFlow(), expectedRevision: 0 }));
    expect(otherTab.message).toBe('You saved this bot in another tab or window: it is at revision 1, not 0. Reload it before saving.');
    expect((await as(ana).bots.get({ id })).draftRevision).toBe(1);

    await as(bo).bots.saveDraft({ id, draft: starterFlow(), expectedRevision: 1 });
    expect((await analyst.bots.draftState({ id })).updatedBy).toEqual({ id: bo.id, name: 'Bo Berg' });
    expect((await trpcError(analyst.bots.draftState({ id: randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('rename, duplicate, delete', () => {
  it('renames and re-describes a bot without moving its draft revision, audited with what changed', async () => {
    const { id } = await as(ana).bots.create({ name: 'Support', description: 'Answers' });
    const renamed = await as(ana).bots.update({ id, name: '  Help desk ' });
    expect(renamed).toEqual({ id, name: 'Help desk', description: 'Answers', updatedAt: expect.any(String), latestVersion: null });
    expect(await as(ana).bots.update({ id, description: null })).toMatchObject({ name: 'Help desk', description: null });
    expect((await as(ana).bots.get({ id })).draftRevision).toBe(0);
    expect(await auditOf(id)).toEqual([
      { action: 'bot.updated', actorId: ana.id, details: { name: { from: 'Support', to: 'Help desk' } } },
      { action: 'bot.updated', actorId: ana.id, details: { description: { from: 'Answers', to: null } } },
    ]);
    const nothing = await trpcError(as(ana).bots.update({ id }));
    expect(nothing.message).toBe('Invalid input: input: Give a name or a description to change');
    expect((await trpcError(as(ana).bots.update({ id, name: 'x'.repeat(101) }))).message).toBe('Invalid input: name: Name is at most 100 characters');
  });

  it('duplicates the draft into a new bot named "Copy of …", unpublished, audited', async () => {
    const long = `Support ${'x'.repeat(92)}`;
    const { id } = await as(ana).bots.create({ name: long, description: 'Original', template: 'faq' });
    await as(ana).bots.publish({ id });
    await as(ana).bots.saveDraft({ id, draft: halfEdited(), allowErrors: true });

    const copy = await as(bo).bots.duplicate({ id });
    const read = await as(bo).bots.get({ id: copy.id });
    expect(read).toMatchObject({ name: `Copy of ${long}`.slice(0, 100), description: 'Original', draft: halfEdited(), draftRevision: 0, latestVersion: null });
    expect(read.name).toHaveLength(100);
    expect(await as(bo).bots.draftState({ id: copy.id })).toMatchObject({ updatedBy: { id: bo.id, name: 'Bo Berg' } });
    expect(await auditOf(copy.id)).toEqual([{ action: 'bot.duplicated', actorId: bo.id, details: { name: read.name, from: { id, name: long } } }]);

    const named = await as(bo).bots.duplicate({ id, name: ' Sales ' });
    expect((await as(bo).bots.get({ id: named.id })).name).toBe('Sales');
  });

  it('refuses to delete a bot a channel routes to, naming the channel; deletes one without, with its versions, audited', async () => {
    const routed = await as(ana).bots.create({ name: 'Routed' });
    await as(ana).channels.create({ botId: routed.id, type: 'http', name: 'Support WhatsApp', outboundUrl: 'https://example.test/replies' });
    const refused = await trpcError(as(ana).bots.delete({ id: routed.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe('Detach channel "Support WhatsApp" first: it routes its conversations to bot "Routed".');
    expect((await as(ana).bots.get({ id: routed.id })).name).toBe('Routed');

    const { id } = await as(ana).bots.create({ name: 'Retired' });
    await as(ana).bots.publish({ id });
    expect(await as(ana).bots.delete({ id })).toEqual({ id });
    expect((await trpcError(as(ana).bots.get({ id }))).code).toBe('NOT_FOUND');
    expect((await as(ana).bots.list()).map((bot) => bot.id)).not.toContain(id);
    expect(await db.botVersion.count({ where: { botId: id } })).toBe(0);
    expect(await auditOf(id)).toContainEqual({ action: 'bot.deleted', actorId: ana.id, details: { name: 'Retired' } });
    expect((await trpcError(as(ana, 'analyst').bots.delete({ id: routed.id }))).code).toBe('FORBIDDEN');
  });
});

describe('templates and imports', () => {
  it('lists the templates and creates a bot from one', async () => {
    expect(await as(bo, 'analyst').bots.templates()).toEqual([
      { id: 'empty', name: 'Empty bot', description: expect.any(String) },
      { id: 'faq', name: 'FAQ', description: expect.any(String) },
      { id: 'lead-capture', name: 'Lead capture', description: expect.any(String) },
    ]);
    const faq = await as(ana).bots.create({ name: 'Questions', template: 'faq' });
    expect(faq.warnings).toEqual([]);
    expect((await as(ana).bots.get({ id: faq.id })).draft).toEqual(botTemplates.faq.flow());
    const lead = await as(ana).bots.create({ name: 'Leads', template: 'lead-capture' });
    expect((await as(ana).bots.get({ id: lead.id })).draft).toEqual(botTemplates['lead-capture'].flow());
    expect((await as(ana).bots.get({ id: (await as(ana).bots.create({ name: 'Blank' })).id })).draft).toEqual(starterFlow());

    const unknown = await post('bots.create', { name: 'x', template: 'chess' });
    expect(unknown.status).toBe(400);
    expect(unknown.error.data.inputIssues).toEqual([{ field: 'template', message: 'Unknown template: use one of empty, faq, lead-capture' }]);
    const both = await post('bots.create', { name: 'x', template: 'faq', draft: starterFlow() });
    expect(both.error.data.inputIssues).toEqual([{ field: 'template', message: 'Give a template or a draft, not both' }]);
  });

  it('imports a valid flow file, and refuses an invalid one listing every problem, creating nothing', async () => {
    const imported = await as(ana).bots.create({ name: 'Imported', draft: botTemplates['lead-capture'].flow() });
    expect((await as(ana).bots.get({ id: imported.id })).draft).toEqual(botTemplates['lead-capture'].flow());

    const before = (await as(ana).bots.list()).length;
    const file = botTemplates.faq.flow();
    const dialog = file.dialogs[0];
    if (!dialog) throw new Error('the FAQ template has a dialog');
    dialog.elements = dialog.elements.map((element) => (element.type === 'send-message' && element.id === 'answer-prices' ? { ...element, text: '' } : element));
    dialog.edges.push({ id: 'lost', from: 'close', to: 'nowhere' });
    const http = await post('bots.create', { name: 'Bad import', draft: { ...file, attributes: [{ name: '1bad', type: 'text', scope: 'session' }] } });
    expect(http.status).toBe(400);
    expect(http.error.message).toMatch(/^Draft is not a valid flow \(\d+ errors\)/);
    expect(http.error.data.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ elementId: 'answer-prices', field: 'text' }),
        expect.objectContaining({ edgeId: 'lost', rule: 'dangling-edge' }),
        expect.objectContaining({ path: 'attributes[0].name' }),
      ]),
    );
    expect((await as(ana).bots.list()).length).toBe(before);
  });
});

describe('versions', () => {
  it('publishes with a note, lists the history newest first, shows a version as written, and restores it into the draft', async () => {
    const { id } = await as(ana).bots.create({ name: 'Versioned' });
    const v1Draft = starterFlow();
    v1Draft.dialogs[0]?.elements.push({ id: 'size', type: 'user-response', nlp: true, keywords: [{ id: 'large', text: 'Large' }] });
    v1Draft.dialogs[0]?.edges.push({ id: 'e1', from: 'welcome', to: 'size' });
    await as(ana).bots.saveDraft({ id, draft: v1Draft });
    expect(await as(ana).bots.publish({ id, note: '  First release ' })).toMatchObject({ version: 1 });
    await as(bo).bots.saveDraft({ id, draft: starterFlow() });
    await as(bo).bots.publish({ id });

    expect(await as(ana, 'analyst').bots.versions({ id })).toEqual([
      { number: 2, publishedAt: expect.any(String), note: null, publishedBy: { id: bo.id, name: 'Bo Berg' } },
      { number: 1, publishedAt: expect.any(String), note: 'First release', publishedBy: { id: ana.id, name: 'Ana Lopez' } },
    ]);
    // The version keeps what Ana wrote: no synonyms added by publishing.
    const v1 = await as(ana, 'analyst').bots.version({ id, number: 1 });
    expect(v1).toEqual({ number: 1, publishedAt: expect.any(String), note: 'First release', publishedBy: { id: ana.id, name: 'Ana Lopez' }, flow: v1Draft });
    expect(JSON.stringify((await db.botVersion.findFirstOrThrow({ where: { botId: id, number: 1 } })).flow)).toContain('expandedSynonyms');

    const stale = await trpcError(as(ana).bots.restoreVersion({ id, number: 1, expectedRevision: 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('Bo Berg saved this bot after you loaded it: it is at revision 2, not 1.');
    const restored = await as(ana).bots.restoreVersion({ id, number: 1, expectedRevision: 2 });
    expect(restored).toEqual({ draftRevision: 3, updatedAt: expect.any(String), errors: [], warnings: [] });
    expect((await as(ana).bots.get({ id })).draft).toEqual(v1Draft);
    expect(await as(ana).bots.draftState({ id })).toMatchObject({ draftRevision: 3, updatedBy: { id: ana.id } });
    expect((await auditOf(id)).filter((entry) => entry.action === 'bot.version-restored')).toEqual([
      { action: 'bot.version-restored', actorId: ana.id, details: { version: 1, draftRevision: 3, name: 'Versioned' } },
    ]);

    const missing = await trpcError(as(ana).bots.restoreVersion({ id, number: 9 }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('Bot "Versioned" has no version 9');
    expect((await trpcError(as(ana).bots.publish({ id, note: 'x'.repeat(501) }))).message).toBe('Invalid input: note: Note is at most 500 characters');
    expect((await trpcError(as(ana, 'analyst').bots.restoreVersion({ id, number: 1 }))).code).toBe('FORBIDDEN');
  });

  it('shows and restores a version published before sources were kept: its flow without the embedded components', async () => {
    const { id } = await as(ana).bots.create({ name: 'Legacy' });
    const flow = starterFlow();
    await db.botVersion.create({ data: { botId: id, number: 1, flow: { ...flow, components: [] }, publishedBy: 'gone-user' } });
    expect(await as(ana).bots.version({ id, number: 1 })).toMatchObject({ note: null, publishedBy: null, flow });
    await as(ana).bots.saveDraft({ id, draft: halfEdited(), allowErrors: true });
    expect(await as(ana).bots.restoreVersion({ id, number: 1 })).toMatchObject({ draftRevision: 2, errors: [] });
    expect((await as(ana).bots.get({ id })).draft).toEqual(flow);
  });
});
