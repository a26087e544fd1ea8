import { describe, expect, it } from 'vitest';
import { starterFlow } from '../starter-flow';
import { draftShapeIssues } from './draft-shape-issues';

describe('draftShapeIssues', () => {
  it('accepts a flow whose fields are still wrong, as long as its skeleton is whole', () => {
    const draft = starterFlow();
    draft.dialogs[0]?.elements.push({ id: 'half', type: 'send-message', text: '' }, { id: 'ask', type: 'user-response', keywords: [{ id: '', text: '' }] });
    draft.dialogs[0]?.edges.push({ id: 'e1', from: 'welcome', to: 'nowhere' });
    expect(draftShapeIssues({ ...draft, entryDialogId: 'missing', settings: { anything: true } })).toEqual([]);
  });

  it('names the path, the enclosing ids and the rule of each structural problem', () => {
    const draft = {
      version: 2,
      entryDialogId: 'main',
      dialogs: [
        {
          id: 'main',
          name: 'Main',
          startElementId: 'a',
          elements: [{ id: 'a', type: 'send-mesage' }, { type: 'close-session' }],
          edges: [{ id: 'e1', from: 'a' }],
        },
        { id: 'second', name: 7, elements: 'none', edges: [] },
      ],
    };
    expect(draftShapeIssues(draft)).toEqual(
      expect.arrayContaining([
        { path: 'version', field: 'version', rule: 'unsupported-version', message: '`version` must be 1 (the flow format version).' },
        { path: 'attributes', field: 'attributes', rule: 'required', message: '`attributes` is required (an array).' },
        expect.objectContaining({ path: 'dialogs[0].elements[0].type', dialogId: 'main', elementId: 'a', field: 'type', rule: 'unknown-element-type', message: expect.stringContaining('Element type "send-mesage" is unknown; use one of: send-message') }),
        expect.objectContaining({ path: 'dialogs[0].elements[1].id', dialogId: 'main', field: 'id', rule: 'required' }),
        expect.objectContaining({ path: 'dialogs[0].edges[0].to', dialogId: 'main', edgeId: 'e1', field: 'to', rule: 'required' }),
        expect.objectContaining({ path: 'dialogs[1].name', dialogId: 'second', field: 'name', rule: 'invalid-type', message: '`name` must be a string.' }),
        expect.objectContaining({ path: 'dialogs[1].startElementId', rule: 'required' }),
        expect.objectContaining({ path: 'dialogs[1].elements', rule: 'invalid-type', message: '`elements` must be an array.' }),
      ]),
    );
    expect(draftShapeIssues(draft)).toHaveLength(8);
  });

  it('needs a JSON object with at least one dialog', () => {
    expect(draftShapeIssues([1, 2])).toEqual([{ path: '', rule: 'invalid-type', message: 'The draft must be a JSON object (a flow document).' }]);
    expect(draftShapeIssues({ ...starterFlow(), dialogs: [] })).toEqual([
      { path: 'dialogs', field: 'dialogs', rule: 'too-few', message: 'A flow needs at least one dialog.' },
    ]);
  });
});
