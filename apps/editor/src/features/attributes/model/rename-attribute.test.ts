import { elementSchema } from '@parley/elements';
import { describe, expect, it } from 'vitest';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { renameAttribute } from './rename-attribute';

function flow(): EditorFlow {
  return {
    version: 1,
    attributes: [
      { name: 'plan', type: 'text', scope: 'person', defaultValue: 'free' },
      { name: 'planned', type: 'boolean', scope: 'session' },
    ],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'hello',
        elements: [
          { id: 'hello', type: 'send-message', text: 'Your plan: {{plan}}, tier {{ plan.tier }}, not {{planned}}. The plan is {plan}.', variations: ['{{plan}}!'], position: { x: 0, y: 0 } },
          { id: 'ask', type: 'user-response', saveAs: 'plan' },
          {
            id: 'check',
            type: 'conditions',
            conditions: [
              {
                id: 'gold',
                name: 'Gold',
                rules: [
                  { attribute: 'plan', operator: 'equal', value: 'gold' },
                  { attribute: 'planned', operator: 'equal', value: 'true' },
                ],
              },
            ],
          },
          { id: 'call', type: 'api', method: 'GET', url: 'https://api.example.com/plans/{{plan}}?other={{planned}}', contentType: 'none', headers: [] },
        ],
        edges: [{ id: 'e1', from: 'hello', to: 'ask' }],
      },
      { id: 'other', name: 'Other', startElementId: 'bye', elements: [{ id: 'bye', type: 'send-message', text: 'Bye' }], edges: [] },
    ],
  };
}

describe('renameAttribute', () => {
  it('starts from elements that pass their schemas (attributeRefs is used)', () => {
    for (const element of flow().dialogs.flatMap((dialog) => dialog.elements)) expect(elementSchema.safeParse(element).success).toBe(true);
  });

  it('renames the declaration, placeholders, a condition attribute, a saveAs and an API URL; nothing else', () => {
    const before = flow();
    const after = renameAttribute(before, 'plan', 'subscription');
    expect(after.attributes).toEqual([
      { name: 'subscription', type: 'text', scope: 'person', defaultValue: 'free' },
      { name: 'planned', type: 'boolean', scope: 'session' },
    ]);
    const [main, other] = after.dialogs;
    expect(main?.elements).toEqual([
      {
        id: 'hello',
        type: 'send-message',
        text: 'Your plan: {{subscription}}, tier {{ subscription.tier }}, not {{planned}}. The plan is {plan}.',
        variations: ['{{subscription}}!'],
        position: { x: 0, y: 0 },
      },
      { id: 'ask', type: 'user-response', saveAs: 'subscription' },
      {
        id: 'check',
        type: 'conditions',
        conditions: [
          {
            id: 'gold',
            name: 'Gold',
            rules: [
              { attribute: 'subscription', operator: 'equal', value: 'gold' },
              { attribute: 'planned', operator: 'equal', value: 'true' },
            ],
          },
        ],
      },
      { id: 'call', type: 'api', method: 'GET', url: 'https://api.example.com/plans/{{subscription}}?other={{planned}}', contentType: 'none', headers: [] },
    ]);
    expect(main?.edges).toBe(before.dialogs[0]?.edges);
    // Untouched dialogs keep their objects; the input is not modified.
    expect(other).toBe(before.dialogs[1]);
    expect(before).toEqual(flow());
  });

  it('renames in half-filled elements too (by their schema), in Code scripts and in the bot fallback', () => {
    const base = flow();
    const withMore: EditorFlow = {
      ...base,
      settings: { fallback: { message: { text: 'Sorry {{plan}}', variations: ['Hmm {{ plan }}'] }, action: { type: 'end' } } },
      dialogs: [
        {
          id: 'main',
          name: 'Main',
          startElementId: 'half',
          elements: [
            // Empty message text: fails its schema, still renamed by field metadata.
            { id: 'half', type: 'save-user-response', message: { text: '' }, saveAs: 'plan' },
            { id: 'rule', type: 'conditions', conditions: [{ id: 'c', name: '', rules: [{ attribute: 'plan', operator: 'is-empty' }] }] },
            { id: 'script', type: 'code', code: "const p = attributeApi.get('plan');\nattributeApi.set(\"plan\", p + 'plan');\nattributeApi.get('planned');" },
          ],
          edges: [],
        },
      ],
    };
    expect(elementSchema.safeParse(withMore.dialogs[0]?.elements[0]).success).toBe(false);
    const after = renameAttribute(withMore, 'plan', 'tier');
    expect(after.dialogs[0]?.elements).toEqual([
      { id: 'half', type: 'save-user-response', message: { text: '' }, saveAs: 'tier' },
      { id: 'rule', type: 'conditions', conditions: [{ id: 'c', name: '', rules: [{ attribute: 'tier', operator: 'is-empty' }] }] },
      { id: 'script', type: 'code', code: "const p = attributeApi.get('tier');\nattributeApi.set(\"tier\", p + 'plan');\nattributeApi.get('planned');" },
    ]);
    expect(after.settings).toEqual({ fallback: { message: { text: 'Sorry {{tier}}', variations: ['Hmm {{ tier }}'] }, action: { type: 'end' } } });
  });

  it('returns the same flow when nothing names the attribute or the name is unchanged', () => {
    const before = flow();
    expect(renameAttribute(before, 'plan', 'plan')).toBe(before);
    expect(renameAttribute(before, 'nothing', 'else')).toBe(before);
  });
});
