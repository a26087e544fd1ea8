import { getLatestVersion, publishComponent, saveComponentDraft, saveDraft } from '@parley/db';
import { migrateFlow, seededRandom, step, type EngineEvent, type Flow, type FlowInput, type SessionState, type StepResult } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { flowIssuesOf } from '../testing/flow-issues-of';
import { twoWorkspaces } from '../testing/two-workspaces';
import type { ComponentDocumentInput } from './component-document';
import { trpcError } from '../testing/trpc-error';

/**
 * Components through the routers against the real database: versions, embedding at
 * bot publish (pinned, transitive), the errors naming element and field, and one
 * published flow run through the engine.
 */

const workspaces = twoWorkspaces('Components', 'components');
const { slug, otherSlug, callerFor } = workspaces;

/** Asks for an email using the caller's first name; returns it as `email`. */
function askEmail(greeting: string): ComponentDocumentInput {
  return {
    name: 'Ask email',
    inputs: [{ name: 'firstName', type: 'text', scope: 'session' }],
    outputs: [{ name: 'email', type: 'text', scope: 'session' }],
    attributes: [],
    entryDialogId: 'ask',
    dialogs: [
      {
        id: 'ask',
        name: 'Ask',
        startElementId: 'say',
        elements: [
          { id: 'say', type: 'send-message', text: `${greeting} {{firstName}}, what is your email?` },
          { id: 'read', type: 'user-response', saveAs: 'email' },
        ],
        edges: [{ id: 'e1', from: 'say', to: 'read' }],
      },
    ],
  };
}

/** Uses `wrapped` from its only dialog, passing its own input through and its output back. */
function wrapper(wrapped: string, mapping: { input: string; output: string } = { input: 'firstName', output: 'email' }): ComponentDocumentInput {
  return {
    name: 'Wrapper',
    inputs: [{ name: 'who', type: 'text', scope: 'session' }],
    outputs: [{ name: 'result', type: 'text', scope: 'session' }],
    attributes: [],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'inner',
        elements: [{ id: 'inner', type: 'component', componentId: wrapped, inputs: [{ from: 'who', to: mapping.input }], outputs: [{ from: mapping.output, to: 'result' }] }],
        edges: [],
      },
    ],
  };
}

/** Asks the name, runs `componentId` (name → firstName, email → contact), thanks and closes. */
function botUsing(componentId: string, mapping: { input: string; output: string } = { input: 'firstName', output: 'email' }): FlowInput {
  return {
    version: 1,
    attributes: [
      { name: 'name', type: 'text', scope: 'session' },
      { name: 'contact', type: 'text', scope: 'session' },
    ],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'ask-name',
        elements: [
          { id: 'ask-name', type: 'send-message', text: 'What is your name?' },
          { id: 'read-name', type: 'user-response', saveAs: 'name' },
          {
            id: 'collect',
            type: 'component',
            componentId,
            inputs: [{ from: 'name', to: mapping.input }],
            outputs: [{ from: mapping.output, to: 'contact' }],
          },
          { id: 'thanks', type: 'send-message', text: 'Thanks {{name}}, we will write to {{contact}}.' },
          { id: 'bye', type: 'close-session' },
        ],
        edges: [
          { id: 'e1', from: 'ask-name', to: 'read-name' },
          { id: 'e2', from: 'read-name', to: 'collect' },
          { id: 'e3', from: 'collect', to: 'thanks' },
          { id: 'e4', from: 'thanks', to: 'bye' },
        ],
      },
    ],
  };
}

/** The published flow of the bot's latest version, as the worker reads it. */
async function publishedFlow(botId: string) {
  const version = await getLatestVersion(workspaces.db, botId);
  if (!version) throw new Error(`bot ${botId} has no version`);
  return migrateFlow(version.flow);
}

/** `components` of the bot's latest published flow, as `{ id, version, name }`. */
async function embedded(botId: string) {
  return ((await publishedFlow(botId)).components ?? []).map(({ id, version, name }) => ({ id, version, name }));
}

describe('components', () => {
  it('creates, lists, reads, saves and publishes numbered versions', async () => {
    const caller = await callerFor(slug);
    const starter = await caller.components.create({ name: 'Starter' });
    expect(starter).toEqual({ id: expect.any(String), draftRevision: 0, warnings: [] });
    const created = await caller.components.create({ name: 'Ask email', description: 'Collects an email', draft: { ...askEmail('Hi'), name: 'ignored' } });
    expect(created.warnings).toEqual([]);

    const detail = await caller.components.get({ id: created.id });
    expect(detail).toMatchObject({ name: 'Ask email', description: 'Collects an email', draftRevision: 0, draft: askEmail('Hi'), versions: [] });

    const saved = await caller.components.saveDraft({ id: created.id, draft: { ...askEmail('Hello'), name: 'Ask for email' }, expectedRevision: 0 });
    expect(saved.draftRevision).toBe(1);
    const stale = await trpcError(caller.components.saveDraft({ id: created.id, draft: askEmail('Lost'), expectedRevision: 0 }));
    expect(stale.code).toBe('CONFLICT');

    expect(await caller.components.publish({ id: created.id })).toMatchObject({ version: 1, warnings: [] });
    expect(await caller.components.publish({ id: created.id })).toMatchObject({ version: 2 });
    const listed = await caller.components.list();
    expect(listed.find((component) => component.id === created.id)).toMatchObject({ name: 'Ask for email', latestVersion: 2 });
    expect(listed.find((component) => component.id === starter.id)).toMatchObject({ name: 'Starter', latestVersion: null });
    expect((await caller.components.get({ id: created.id })).versions.map((version) => version.number)).toEqual([2, 1]);

    const other = await callerFor(otherSlug);
    expect(await other.components.list()).toEqual([]);
    // One at a time: a call started before its turn to be awaited would reject unhandled.
    for (const call of [() => other.components.get({ id: created.id }), () => other.components.publish({ id: created.id }), () => other.components.saveDraft({ id: created.id, draft: askEmail('x') })]) {
      expect((await trpcError(call())).code).toBe('NOT_FOUND');
    }
  });

  it('refuses an invalid component document, naming element and field relative to it', async () => {
    const caller = await callerFor(slug);
    const { id } = await caller.components.create({ name: 'Broken' });
    const draft = askEmail('Hi');
    const dialog = draft.dialogs[0];
    if (!dialog) throw new Error('askEmail has a dialog');
    dialog.elements = [
      { id: 'say', type: 'send-message', text: 'Hi {{nobody}}' },
      { id: 'read', type: 'user-response', saveAs: 'email' },
    ];
    const error = await trpcError(caller.components.saveDraft({ id, draft: { ...draft, version: 3 } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^Component draft is not a valid flow/);
    expect(flowIssuesOf(error)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'version', rule: 'unknown-field' }),
        expect.objectContaining({ path: 'dialogs[0].elements[0].text', dialogId: 'ask', elementId: 'say', field: 'text', rule: 'undeclared-placeholder' }),
      ]),
    );
    expect(flowIssuesOf(error).every((issue) => issue.componentId === undefined)).toBe(true);
    expect((await caller.components.get({ id })).draftRevision).toBe(0);
  });

  it('embeds the latest published version in each bot at publish, and keeps published bot versions as they were', async () => {
    const caller = await callerFor(slug);
    const component = await caller.components.create({ name: 'Ask email', draft: askEmail('Hi') });
    expect((await caller.components.publish({ id: component.id })).version).toBe(1);

    const first = await caller.bots.create({ name: 'First', draft: botUsing(component.id) });
    const second = await caller.bots.create({ name: 'Second', draft: botUsing(component.id) });
    expect(first.warnings).toEqual([]);
    expect((await caller.bots.publish({ id: first.id })).version).toBe(1);
    expect((await caller.bots.publish({ id: second.id })).version).toBe(1);
    for (const bot of [first, second]) expect(await embedded(bot.id)).toEqual([{ id: component.id, version: 1, name: 'Ask email' }]);
    const firstV1 = await publishedFlow(first.id);
    expect(firstV1.components?.[0]?.dialogs[0]?.elements[0]).toMatchObject({ text: 'Hi {{firstName}}, what is your email?' });
    // The draft stays as edited: components are filled in the published flow only.
    expect((await caller.bots.get({ id: first.id })).draft).not.toHaveProperty('components');

    await caller.components.saveDraft({ id: component.id, draft: askEmail('Welcome back') });
    expect((await caller.components.publish({ id: component.id })).version).toBe(2);

    // Already published versions keep v1; republishing pins v2.
    expect(await embedded(second.id)).toEqual([{ id: component.id, version: 1, name: 'Ask email' }]);
    expect((await caller.bots.publish({ id: first.id })).version).toBe(2);
    expect(await embedded(first.id)).toEqual([{ id: component.id, version: 2, name: 'Ask email' }]);
    expect((await publishedFlow(first.id)).components?.[0]?.dialogs[0]?.elements[0]).toMatchObject({ text: 'Welcome back {{firstName}}, what is your email?' });

    // A running session stays on its version: v1 of the first bot still says "Hi".
    const oldRun = converse(firstV1, ['hello', 'Ana']);
    expect(oldRun.sent.at(-1)).toBe('Hi Ana, what is your email?');
  });

  it('runs a published bot through its component with the engine: input in, message, output back', async () => {
    const caller = await callerFor(slug);
    const component = await caller.components.create({ name: 'Ask email', draft: askEmail('Hi') });
    await caller.components.publish({ id: component.id });
    const bot = await caller.bots.create({ name: 'Runs', draft: botUsing(component.id) });
    await caller.bots.publish({ id: bot.id });

    const run = converse(await publishedFlow(bot.id), ['hello', 'Ana', 'ana@example.com']);
    expect(run.sent).toEqual(['What is your name?', 'Hi Ana, what is your email?', 'Thanks Ana, we will write to ana@example.com.']);
    expect(run.session).toMatchObject({ status: 'closed', closeReason: 'completed', frames: [] });
    expect(run.session.attributes).toMatchObject({ name: 'Ana', contact: 'ana@example.com' });
    expect(run.session.attributes).not.toHaveProperty('email');
    expect(run.trace).toEqual(
      expect.arrayContaining([
        { kind: 'component-entered', componentId: component.id },
        { kind: 'component-returned', componentId: component.id },
      ]),
    );
  });

  it('embeds components used through other components', async () => {
    const caller = await callerFor(slug);
    const inner = await caller.components.create({ name: 'Ask email', draft: askEmail('Hi') });
    const outer = await caller.components.create({ name: 'Wrapper', draft: wrapper(inner.id) });
    // Inner is not published yet: the wrapper is checked against its draft, with a warning.
    expect(outer.warnings).toEqual([
      expect.objectContaining({ path: 'dialogs[0].elements[0].componentId', elementId: 'inner', field: 'componentId', rule: 'unpublished-component' }),
    ]);
    await caller.components.publish({ id: outer.id });

    const bot = await caller.bots.create({ name: 'Nested', draft: botUsing(outer.id, { input: 'who', output: 'result' }) });
    expect(bot.warnings).toEqual([
      expect.objectContaining({ componentId: outer.id, elementId: 'inner', field: 'componentId', rule: 'unpublished-component' }),
    ]);
    const refused = await trpcError(caller.bots.publish({ id: bot.id }));
    expect(flowIssuesOf(refused)).toEqual([
      expect.objectContaining({ componentId: outer.id, elementId: 'inner', field: 'componentId', rule: 'unpublished-component' }),
    ]);
    expect(refused.message).toContain('element inner, field componentId: Component "Ask email"');

    await caller.components.publish({ id: inner.id });
    expect(await caller.bots.publish({ id: bot.id })).toMatchObject({ version: 1, warnings: [] });
    expect(await embedded(bot.id)).toEqual([
      { id: outer.id, version: 1, name: 'Wrapper' },
      { id: inner.id, version: 1, name: 'Ask email' },
    ]);
    const run = converse(await publishedFlow(bot.id), ['hello', 'Bo', 'bo@example.com']);
    expect(run.sent).toEqual(['What is your name?', 'Hi Bo, what is your email?', 'Thanks Bo, we will write to bo@example.com.']);
  });

  it('refuses a missing or unpublished component, naming the element and field, and publishes nothing', async () => {
    const caller = await callerFor(slug);
    const missing = await trpcError(caller.bots.create({ name: 'Missing', draft: botUsing('no-such-component') }));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(flowIssuesOf(missing)).toEqual([
      {
        path: 'dialogs[0].elements[2].componentId',
        dialogId: 'main',
        elementId: 'collect',
        field: 'componentId',
        rule: 'unknown-component',
        message: 'There is no component "no-such-component" in this workspace.',
      },
    ]);
    expect(missing.message).toContain('element collect, field componentId');

    // Another workspace's component is unknown here.
    const foreign = await (await callerFor(otherSlug)).components.create({ name: 'Foreign', draft: askEmail('Hi') });
    await (await callerFor(otherSlug)).components.publish({ id: foreign.id });
    const foreignError = await trpcError(caller.bots.create({ name: 'Foreign', draft: botUsing(foreign.id) }));
    expect(flowIssuesOf(foreignError)).toEqual([expect.objectContaining({ elementId: 'collect', rule: 'unknown-component' })]);

    // Unpublished: the draft saves with a warning, publishing is refused.
    const unpublished = await caller.components.create({ name: 'Not yet', draft: askEmail('Hi') });
    const bot = await caller.bots.create({ name: 'Early', draft: botUsing(unpublished.id) });
    expect(bot.warnings).toEqual([expect.objectContaining({ elementId: 'collect', field: 'componentId', rule: 'unpublished-component' })]);
    const refused = await trpcError(caller.bots.publish({ id: bot.id }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(flowIssuesOf(refused)).toEqual([
      expect.objectContaining({ path: 'dialogs[0].elements[2].componentId', elementId: 'collect', field: 'componentId', rule: 'unpublished-component' }),
    ]);
    expect((await caller.bots.get({ id: bot.id })).latestVersion).toBeNull();

    // Mappings are checked against the component that would be embedded.
    await caller.components.publish({ id: unpublished.id });
    const mismatch = await trpcError(caller.bots.saveDraft({ id: bot.id, draft: botUsing(unpublished.id, { input: 'nope', output: 'email' }) }));
    expect(flowIssuesOf(mismatch)).toEqual([expect.objectContaining({ elementId: 'collect', field: 'inputs[0].to', rule: 'unknown-component-input' })]);

    // `components` belongs to published flows.
    const embeddedByHand = await trpcError(caller.bots.saveDraft({ id: bot.id, draft: { ...botUsing(unpublished.id), components: [] } }));
    expect(flowIssuesOf(embeddedByHand)).toEqual([expect.objectContaining({ path: 'components', rule: 'embedded-components' })]);
  });

  it('refuses components that include themselves, when saving and when publishing a bot', async () => {
    const caller = await callerFor(slug);
    const a = await caller.components.create({ name: 'A', draft: askEmail('Hi') });
    await caller.components.publish({ id: a.id });
    const self = await trpcError(caller.components.saveDraft({ id: a.id, draft: wrapper(a.id, { input: 'who', output: 'result' }) }));
    expect(flowIssuesOf(self)).toEqual([
      expect.objectContaining({ path: 'dialogs[0].elements[0].componentId', elementId: 'inner', field: 'componentId', rule: 'recursive-component' }),
    ]);

    const b = await caller.components.create({ name: 'B', draft: wrapper(a.id) });
    await caller.components.publish({ id: b.id });
    const loop = await trpcError(caller.components.saveDraft({ id: a.id, draft: { ...wrapper(b.id, { input: 'who', output: 'result' }), name: 'A' } }));
    expect(flowIssuesOf(loop)).toEqual([expect.objectContaining({ elementId: 'inner', field: 'componentId', rule: 'recursive-component' })]);

    // A cycle that got in some other way (here: straight through the repositories) stops the bot's publish.
    await saveComponentDraft(workspaces.db, { componentId: a.id, name: 'A', draft: { ...wrapper(b.id, { input: 'who', output: 'result' }), name: 'A' } });
    await publishComponent(workspaces.db, a.id);
    const bot = await caller.bots.create({ name: 'Loops' });
    await saveDraft(workspaces.db, { botId: bot.id, draft: botUsing(b.id, { input: 'who', output: 'result' }) });
    const refused = await trpcError(caller.bots.publish({ id: bot.id }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(flowIssuesOf(refused)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ componentId: b.id, elementId: 'inner', field: 'componentId', rule: 'recursive-component' }),
        expect.objectContaining({ componentId: a.id, elementId: 'inner', field: 'componentId', rule: 'recursive-component' }),
      ]),
    );
    expect((await caller.bots.get({ id: bot.id })).latestVersion).toBeNull();
  });
});

/** Starts a session with the first message and answers with the rest; collects what was sent. */
function converse(flow: Flow, messages: readonly string[]) {
  let session: SessionState | null = null;
  const sent: string[] = [];
  const trace: StepResult['trace'] = [];
  for (const [index, text] of messages.entries()) {
    const event: EngineEvent = { type: 'user.message', messageId: `m${index}`, text, receivedAt: index * 1000 };
    const result: StepResult = step(flow, session, event, { now: index * 1000, random: seededRandom(1) });
    for (const command of result.commands) if (command.type === 'send') sent.push(command.text);
    trace.push(...result.trace);
    session = result.session;
  }
  if (session === null) throw new Error('no messages');
  return { sent, trace, session };
}
