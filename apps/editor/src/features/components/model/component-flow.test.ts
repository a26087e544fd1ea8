import { describe, expect, it } from 'vitest';
import type { EditorComponentDocument } from './component-document';
import { componentToEditorFlow, editorFlowToComponent, groupByRole } from './component-flow';
import { checkComponentFlow } from './check-component-flow';
import { checkBotFlow } from './check-bot-flow';

const askEmail: EditorComponentDocument = {
  name: 'Ask email',
  inputs: [
    { name: 'firstName', type: 'text', scope: 'session' },
    { name: 'tries', type: 'number', scope: 'session', defaultValue: 3 },
  ],
  outputs: [{ name: 'email', type: 'email', scope: 'session' }],
  attributes: [
    { name: 'answer', type: 'text', scope: 'session', defaultValue: 'none' },
    { name: 'seen', type: 'boolean', scope: 'person' },
  ],
  entryDialogId: 'ask',
  dialogs: [
    {
      id: 'ask',
      name: 'Ask',
      startElementId: 'say',
      elements: [
        { id: 'say', type: 'send-message', text: 'Hi {{firstName}}, your email?' },
        { id: 'read', type: 'user-response', saveAs: 'email' },
        { id: 'return', type: 'component-return' },
      ],
      edges: [
        { id: 'e1', from: 'say', to: 'read' },
        { id: 'e2', from: 'read', to: 'return' },
      ],
    },
  ],
};

describe('component document ↔ editor flow', () => {
  it('lists inputs, outputs, then working attributes with their roles, and maps back unchanged', () => {
    const opened = componentToEditorFlow(askEmail);
    if (!opened) throw new Error('askEmail opens');
    expect(opened.flow.attributes.map((attribute) => attribute.name)).toEqual(['firstName', 'tries', 'email', 'answer', 'seen']);
    expect(opened.roles).toEqual({ firstName: 'input', tries: 'input', email: 'output', answer: 'working', seen: 'working' });
    expect(opened.flow).toMatchObject({ version: 1, entryDialogId: 'ask', dialogs: askEmail.dialogs });
    expect(editorFlowToComponent(opened.flow, opened.roles, 'Ask email')).toEqual(askEmail);
  });

  it('keeps each role’s order and every default when roles interleave, and groups them again', () => {
    const opened = componentToEditorFlow(askEmail);
    if (!opened) throw new Error('askEmail opens');
    const [firstName, tries, email, answer, seen] = opened.flow.attributes;
    if (!firstName || !tries || !email || !answer || !seen) throw new Error('five attributes');
    const shuffled = { ...opened.flow, attributes: [answer, email, tries, seen, firstName] };
    const roles = { ...opened.roles, seen: 'output' as const };
    expect(editorFlowToComponent(shuffled, roles, 'Renamed')).toMatchObject({
      name: 'Renamed',
      inputs: [tries, firstName],
      outputs: [email, seen],
      attributes: [answer],
    });
    expect(groupByRole(shuffled.attributes, roles).map((attribute) => attribute.name)).toEqual(['tries', 'firstName', 'email', 'seen', 'answer']);
  });

  it('refuses what the editor cannot open', () => {
    for (const value of [null, [], {}, { ...askEmail, name: 3 }, { ...askEmail, outputs: undefined }, { ...askEmail, dialogs: [] }]) {
      expect(componentToEditorFlow(value)).toBeNull();
    }
  });
});

describe('checkComponentFlow', () => {
  it('reports the component’s issues located in the edited flow, like the API', () => {
    const opened = componentToEditorFlow(askEmail);
    if (!opened) throw new Error('askEmail opens');
    expect(checkComponentFlow('c1', 'Ask email', opened.flow, opened.roles, [])).toEqual({ ok: true, errors: [], warnings: [] });

    const broken = {
      ...opened.flow,
      attributes: opened.flow.attributes.map((attribute) => (attribute.name === 'answer' ? { ...attribute, name: '9bad' } : attribute)),
      dialogs: opened.flow.dialogs.map((dialog) => ({ ...dialog, elements: dialog.elements.map((element) => (element.id === 'say' ? { ...element, text: '' } : element)) })),
    };
    const checked = checkComponentFlow('c1', 'Ask email', broken, opened.roles, []);
    expect(checked.ok).toBe(false);
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'dialogs[0].elements[0].text', dialogId: 'ask', elementId: 'say', field: 'text' }),
        expect.objectContaining({ path: expect.stringMatching(/^attributes\[3\]/) }),
      ]),
    );
    expect(checked.errors.every((issue) => issue.componentId === undefined)).toBe(true);
  });

  it('accepts Component return in a component, which a bot refuses', () => {
    const opened = componentToEditorFlow(askEmail);
    if (!opened) throw new Error('askEmail opens');
    expect(checkComponentFlow('c1', 'Ask email', opened.flow, opened.roles, []).errors).toEqual([]);
    const asBot = checkBotFlow(opened.flow, [], new Set());
    expect(asBot.errors.map((issue) => issue.rule)).toContain('return-outside-component');
  });
});

describe('checkBotFlow', () => {
  const bot = {
    version: 1 as const,
    attributes: [
      { name: 'name', type: 'text' as const, scope: 'session' as const },
      { name: 'contact', type: 'email' as const, scope: 'session' as const },
    ],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'use',
        elements: [
          { id: 'use', type: 'component' as const, componentId: 'c1', inputs: [{ from: 'name', to: 'firstName' }], outputs: [{ from: 'email', to: 'contact' }] },
          { id: 'bye', type: 'close-session' as const },
        ],
        edges: [{ id: 'e1', from: 'use', to: 'bye' }],
      },
    ],
  };

  it('checks Component elements against the resolved components, and keeps quiet about ones still loading', () => {
    expect(checkBotFlow(bot, [{ id: 'c1', name: 'Ask email', version: 2, source: 'version', document: askEmail }], new Set())).toEqual({ ok: true, errors: [], warnings: [] });
    expect(checkBotFlow(bot, [], new Set(['c1'])).errors).toEqual([]);
    expect(checkBotFlow(bot, [], new Set()).errors.map((issue) => issue.rule)).toEqual(['unknown-component']);
    const wrongOutput = { ...bot, dialogs: bot.dialogs.map((dialog) => ({ ...dialog, elements: dialog.elements.map((element) => (element.id === 'use' ? { ...element, outputs: [{ from: 'phone', to: 'contact' }] } : element)) })) };
    const checked = checkBotFlow(wrongOutput, [{ id: 'c1', name: 'Ask email', version: 1, source: 'draft', document: askEmail }], new Set());
    expect(checked.errors).toEqual([expect.objectContaining({ elementId: 'use', rule: 'unknown-component-output' })]);
    expect(checked.warnings).toEqual([expect.objectContaining({ elementId: 'use', field: 'componentId', rule: 'unpublished-component' })]);
  });
});
