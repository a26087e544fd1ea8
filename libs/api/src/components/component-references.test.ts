import { describe, expect, it } from 'vitest';
import { componentReferences, referenceIssue, referencedComponentIds } from './component-references';
import { embeddedComponent } from './check-with-components';
import { componentDocumentSchema, starterComponentDocument } from './component-document';

const use = (id: string, componentId: string) => ({ id, type: 'component', componentId });

describe('component references', () => {
  it("finds Component elements in the bot's dialogs and in each embedded component, located like validateFlow", () => {
    const flow = {
      dialogs: [{ id: 'main', elements: [{ id: 'hi', type: 'send-message', text: 'x' }, use('a', 'c1')] }],
      components: [{ id: 'c1', dialogs: [{ id: 'd', elements: [use('b', 'c2')] }] }],
    };
    expect(referencedComponentIds(flow)).toEqual(['c1']);
    const references = componentReferences(flow);
    expect(references).toEqual([
      { path: 'dialogs[0].elements[1].componentId', scopeComponentId: undefined, dialogId: 'main', elementId: 'a', target: 'c1' },
      { path: 'components[0].dialogs[0].elements[0].componentId', scopeComponentId: 'c1', dialogId: 'd', elementId: 'b', target: 'c2' },
    ]);
    expect(references[1] && referenceIssue(references[1], 'unknown-component', 'm')).toEqual({
      path: 'components[0].dialogs[0].elements[0].componentId',
      componentId: 'c1',
      dialogId: 'd',
      elementId: 'b',
      field: 'componentId',
      rule: 'unknown-component',
      message: 'm',
    });
  });

  it('skips whatever is malformed without throwing', () => {
    for (const document of [null, 3, 'x', [], { dialogs: 'no' }, { dialogs: [null, { elements: [null, { type: 'component' }, { type: 'component', componentId: 7 }] }] }]) {
      expect(componentReferences(document)).toEqual([]);
    }
  });
});

describe('embeddedComponent', () => {
  it('puts the id and version embedded first, over any in the document', () => {
    const document = { ...starterComponentDocument('C'), id: 'stale', version: 9 };
    expect(embeddedComponent({ id: 'c1', name: 'C', version: 3, document, source: 'version' })).toEqual({
      ...starterComponentDocument('C'),
      id: 'c1',
      version: 3,
    });
    expect(componentDocumentSchema.safeParse(starterComponentDocument('C')).success).toBe(true);
  });
});
