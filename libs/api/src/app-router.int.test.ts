import { randomBytes, randomUUID } from 'node:crypto';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { webhookSecretSchema } from '@parley/channels';
import { createDb, createWorkspace, getChannel, saveDraft, type Db } from '@parley/db';
import { flowIssueSchema } from '@parley/engine';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { appRouter, createCaller, FlowInvalidError, starterFlow } from './index';
import { memberContext } from './testing/member-context';
import { createContext } from './create-context';
import { trpcError } from './testing/trpc-error';

/**
 * The routers against the real database: through createCaller (as server code
 * calls them) and through tRPC's fetch adapter (as HTTP clients see them, with
 * the error formatter applied). Each test file gets its own workspaces, so files
 * sharing the run's database do not see each other's bots.
 */

const secretKey = randomBytes(32).toString('hex');
const suffix = randomUUID().slice(0, 8);
const slug = `api-test-${suffix}`;
const otherSlug = `api-other-${suffix}`;
let db: Db;

beforeAll(async () => {
  db = createDb(inject('databaseUrl'), { maxConnections: 4 });
  await createWorkspace(db, { name: 'API test', slug });
  await createWorkspace(db, { name: 'Another workspace', slug: otherSlug });
});

afterAll(async () => {
  await db?.$disconnect();
});

async function callerFor(workspaceSlug: string | null) {
  return createCaller(await memberContext(db, secretKey, workspaceSlug));
}

/** What the HTTP handler answers for a failed call (the error formatter's shape). */
const errorResponseSchema = z.object({
  error: z.object({
    message: z.string(),
    code: z.number(),
    data: z.object({
      code: z.string(),
      httpStatus: z.number(),
      path: z.string().optional(),
      issues: z.array(flowIssueSchema).nullable(),
      inputIssues: z.array(z.object({ field: z.string(), message: z.string() })).nullable(),
    }),
  }),
});

/** One POST through the HTTP handler, as a client without a transformer sends it; expects an error answer. */
const testWorkspaceHeader = 'x-test-workspace';

async function post(path: string, input: unknown, workspaceSlug: string | null = slug) {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (workspaceSlug !== null) headers.set(testWorkspaceHeader, workspaceSlug);
  const response = await fetchRequestHandler({
    endpoint: '/trpc',
    router: appRouter,
    req: new Request(`http://api.test/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) }),
    // The test host's stand-in for a session: the member's workspace named in a header (apps/api resolves a real session).
    createContext: ({ req }) => memberContext(db, secretKey, req.headers.get(testWorkspaceHeader)),
  });
  return { status: response.status, body: errorResponseSchema.parse(await response.json()) };
}

/** A flow with two errors located by element and field, and one dangling edge. */
function invalidFlow() {
  const flow = starterFlow();
  const dialog = flow.dialogs[0];
  if (!dialog) throw new Error('starter flow has a dialog');
  dialog.elements = [
    { id: 'welcome', type: 'send-message', text: '' },
    { id: 'bye', type: 'send-message', text: 'Bye {{unknownThing}}' },
  ];
  dialog.edges = [{ id: 'e1', from: 'welcome', to: 'nowhere' }];
  return flow;
}

describe('workspace resolution', () => {
  it('refuses workspace procedures to a signed-in person without a workspace, and to an anonymous caller', async () => {
    for (const workspaceSlug of [null, '', 'no-such-workspace']) {
      const error = await trpcError((await callerFor(workspaceSlug)).bots.list());
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain('not a member of any workspace');
    }
    const anonymous = createCaller(createContext({ db, secretKey }));
    expect((await trpcError(anonymous.bots.list())).code).toBe('UNAUTHORIZED');
    const http = await post('bots.create', { name: 'x' }, null);
    expect(http.status).toBe(403);
  });
});

describe('bots and channels, end to end', () => {
  let botId = '';

  it('creates a bot with the starter flow and lists it as draft only', async () => {
    const caller = await callerFor(slug);
    const created = await caller.bots.create({ name: '  Support bot ', description: 'Answers questions' });
    expect(created).toEqual({ id: expect.any(String), draftRevision: 0, warnings: [] });
    botId = created.id;

    const bots = await caller.bots.list();
    expect(bots).toEqual([
      { id: botId, name: 'Support bot', description: 'Answers questions', updatedAt: expect.any(String), latestVersion: null },
    ]);
    expect(new Date(bots[0]?.updatedAt ?? '').getTime()).not.toBeNaN();

    const bot = await caller.bots.get({ id: botId });
    expect(bot).toMatchObject({ id: botId, draftRevision: 0, latestVersion: null, draft: starterFlow() });
  });

  it('refuses invalid input naming the field', async () => {
    const caller = await callerFor(slug);
    const error = await trpcError(caller.bots.create({ name: '   ' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('Invalid input: name: Name is required');

    const http = await post('bots.create', { name: 'ok', draft: 'not a flow' });
    expect(http.status).toBe(400);
    expect(http.body.error.message).toMatch(/^Invalid input: draft: /);
    expect(http.body.error.data).toMatchObject({ code: 'BAD_REQUEST', issues: null, inputIssues: [{ field: 'draft', message: expect.any(String) }] });
  });

  it('refuses an invalid draft, listing every issue by element and field, and saves nothing', async () => {
    const caller = await callerFor(slug);
    const error = await trpcError(caller.bots.saveDraft({ id: botId, draft: invalidFlow() }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^Draft is not a valid flow \(\d+ errors\): /);
    expect(error.message).toContain('element welcome, field text: ');
    expect(error.cause).toBeInstanceOf(FlowInvalidError);
    const issues = error.cause instanceof FlowInvalidError ? error.cause.issues : [];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dialogId: 'main', elementId: 'welcome', field: 'text', path: 'dialogs[0].elements[0].text' }),
        expect.objectContaining({ elementId: 'bye', field: 'text', rule: 'undeclared-placeholder' }),
        expect.objectContaining({ edgeId: 'e1', field: 'to', rule: 'dangling-edge' }),
      ]),
    );
    expect((await caller.bots.get({ id: botId })).draftRevision).toBe(0);

    // Over HTTP the formatter puts the full list in error.data.issues.
    const http = await post('bots.saveDraft', { id: botId, draft: invalidFlow() });
    expect(http.status).toBe(400);
    expect(http.body.error.message).toBe(error.message);
    expect(http.body.error.data).toMatchObject({ code: 'BAD_REQUEST', path: 'bots.saveDraft', inputIssues: null });
    expect(http.body.error.data.issues).toEqual(issues);
  });

  it('saves a valid draft, returning its warnings, and refuses a stale revision', async () => {
    const caller = await callerFor(slug);
    const draft = starterFlow();
    draft.dialogs[0]?.elements.push({ id: 'orphan', type: 'send-message', text: 'Nobody gets here' });
    const saved = await caller.bots.saveDraft({ id: botId, draft, expectedRevision: 0 });
    expect(saved.draftRevision).toBe(1);
    expect(saved.warnings).toEqual([expect.objectContaining({ elementId: 'orphan', rule: 'unreachable-element' })]);
    expect(await caller.bots.get({ id: botId })).toMatchObject({ draftRevision: 1, draft });

    const stale = await trpcError(caller.bots.saveDraft({ id: botId, draft: starterFlow(), expectedRevision: 0 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('revision 1, not 0');
    expect(await caller.bots.get({ id: botId })).toMatchObject({ draftRevision: 1, draft });

    const http = await post('bots.saveDraft', { id: botId, draft: starterFlow(), expectedRevision: 0 });
    expect(http.status).toBe(409);
  });

  it('publishes the draft as numbered versions', async () => {
    const caller = await callerFor(slug);
    expect(await caller.bots.publish({ id: botId })).toMatchObject({ version: 1 });
    expect(await caller.bots.publish({ id: botId })).toMatchObject({ version: 2 });
    expect((await caller.bots.list()).find((bot) => bot.id === botId)?.latestVersion).toBe(2);
    expect((await caller.bots.get({ id: botId })).latestVersion).toEqual({ number: 2, publishedAt: expect.any(String) });
  });

  it('warns at save about tags the Inbox does not define, and creates them when publishing: no tag is lost', async () => {
    const caller = await callerFor(slug);
    const { id } = await caller.bots.create({ name: 'Tagging' });
    const draft = starterFlow();
    const dialog = draft.dialogs[0];
    if (!dialog) throw new Error('the starter flow has no dialog');
    dialog.elements.push({ id: 'tag', type: 'conversation-tags', tags: ['vip-tag-test', 'billing-tag-test'] });
    dialog.edges.push({ id: 'to-tag', from: 'welcome', to: 'tag' });
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug } });
    await db.conversationTag.create({ data: { workspaceId: workspace.id, name: 'billing-tag-test' } });

    const saved = await caller.bots.saveDraft({ id, draft });
    expect(saved.warnings.filter((issue) => issue.rule === 'tag-not-defined')).toEqual([
      expect.objectContaining({ elementId: 'tag', field: 'tags', message: expect.stringContaining('"vip-tag-test" is not defined in the Inbox yet') }),
    ]);
    expect(await db.conversationTag.count({ where: { workspaceId: workspace.id, name: 'vip-tag-test' } })).toBe(0);

    const published = await caller.bots.publish({ id });
    expect(published.warnings.filter((issue) => issue.rule === 'tag-not-defined')).toEqual([
      expect.objectContaining({ elementId: 'tag', message: expect.stringContaining('"vip-tag-test" was not defined in the Inbox: publishing created it') }),
    ]);
    expect(await db.conversationTag.count({ where: { workspaceId: workspace.id, name: { in: ['vip-tag-test', 'billing-tag-test'] } } })).toBe(2);
    // Defined now: the next publish has nothing to say about tags.
    expect((await caller.bots.publish({ id })).warnings.filter((issue) => issue.rule === 'tag-not-defined')).toEqual([]);
  });

  it('publishes the English synonyms of NLP keywords into the version, leaving the draft as written', async () => {
    const caller = await callerFor(slug);
    const { id } = await caller.bots.create({ name: 'Sizes' });
    const draft = starterFlow();
    const dialog = draft.dialogs[0];
    if (!dialog) throw new Error('the starter flow has no dialog');
    dialog.elements.push(
      { id: 'size', type: 'user-response', nlp: true, keywords: [{ id: 'large', text: 'Large' }, { id: 'buy', text: 'Buy', synonyms: ['purchase', 'order'] }] },
      { id: 'done', type: 'send-message', text: 'Thanks!' },
    );
    dialog.edges.push({ id: 'e1', from: 'welcome', to: 'size' }, { id: 'e2', from: 'size', port: 'keyword:large', to: 'done' }, { id: 'e3', from: 'size', port: 'keyword:buy', to: 'done' });
    await caller.bots.saveDraft({ id, draft });
    const { version } = await caller.bots.publish({ id });
    const published = await db.botVersion.findFirstOrThrow({ where: { botId: id, number: version } });
    expect(JSON.stringify(published.flow)).toContain('"expandedSynonyms":["big"]');
    // "purchase" is the author's already: nothing left to add to "Buy".
    expect(published.flow).toMatchObject({ dialogs: [{ elements: expect.arrayContaining([expect.objectContaining({ id: 'size', keywords: [{ id: 'large', text: 'Large', expandedSynonyms: ['big'] }, { id: 'buy', text: 'Buy', synonyms: ['purchase', 'order'] }] })]) }] });
    expect(JSON.stringify((await caller.bots.get({ id })).draft)).not.toContain('expandedSynonyms');
  });

  it('refuses to publish a draft that is no longer valid', async () => {
    const caller = await callerFor(slug);
    const { id } = await caller.bots.create({ name: 'Broken later' });
    // Drafts saved through the API are valid; an older or hand-written one may not be.
    await saveDraft(db, { botId: id, draft: invalidFlow() });
    const error = await trpcError(caller.bots.publish({ id }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause instanceof FlowInvalidError ? error.cause.issues.length : 0).toBeGreaterThanOrEqual(3);
    expect((await caller.bots.get({ id })).latestVersion).toBeNull();
  });

  it('creates an HTTP channel and returns its secret once, to an owner only', async () => {
    const caller = await callerFor(slug);
    const channel = await caller.channels.create({ botId, type: 'http', name: 'Website', outboundUrl: 'https://example.test/replies' });
    expect(channel.webhookPath).toBe(`/webhooks/http/${channel.id}`);
    expect(webhookSecretSchema.safeParse(channel.secret).success).toBe(true);

    const stored = await getChannel(db, channel.id, secretKey);
    expect(stored).toMatchObject({ botId, type: 'http', name: 'Website', config: { outboundUrl: 'https://example.test/replies' } });
    expect(stored?.secrets).toEqual({ webhookSecret: channel.secret });

    const again = await caller.channels.create({ botId, type: 'http', name: 'Website 2', outboundUrl: 'http://127.0.0.1:9/x' });
    expect(again.secret).not.toBe(channel.secret);

    // A builder creates channels too, but secrets reach a browser only through an owner: null here.
    const builder = createCaller(await memberContext(db, secretKey, slug, { role: 'builder' }));
    const byBuilder = await builder.channels.create({ botId, type: 'http', name: 'Website 3', outboundUrl: 'https://example.test/replies' });
    expect(byBuilder.secret).toBeNull();
    expect(Object.keys((await getChannel(db, byBuilder.id, secretKey))?.secrets ?? {})).toEqual(['webhookSecret']);

    const http = await post('channels.create', { botId, type: 'http', name: 'Bad', outboundUrl: 'ftp://example.test' });
    expect(http.status).toBe(400);
    expect(http.body.error.data.inputIssues).toEqual([{ field: 'outboundUrl', message: expect.any(String) }]);
  });

  it("hides one workspace's bots from another", async () => {
    const other = await callerFor(otherSlug);
    expect(await other.bots.list()).toEqual([]);
    // One at a time: a call started before its turn to be awaited would reject unhandled.
    for (const call of [
      () => other.bots.get({ id: botId }),
      () => other.bots.saveDraft({ id: botId, draft: starterFlow() }),
      () => other.bots.publish({ id: botId }),
      () => other.channels.create({ botId, type: 'http', name: 'Sneaky', outboundUrl: 'https://example.test/' }),
    ]) {
      expect((await trpcError(call())).code).toBe('NOT_FOUND');
    }
    const missing = await trpcError((await callerFor(slug)).bots.get({ id: 'no-such-bot' }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});
