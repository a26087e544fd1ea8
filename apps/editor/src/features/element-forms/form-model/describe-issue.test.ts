import { describe, expect, it } from 'vitest';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { findElement } from '../../bot-editor/document/flow-edits';
import { describeIssue } from './describe-issue';

const flow: EditorFlow = {
  version: 1,
  attributes: [],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'hi',
      elements: [
        { id: 'hi', type: 'send-message', text: '' },
        { id: 'send-message-1vv2li77', type: 'send-message', text: 'Later', name: 'Goodbye' },
      ],
      edges: [],
    },
  ],
};

describe('describeIssue', () => {
  it('names the field by its label in the settings', () => {
    expect(describeIssue(findElement(flow, 'hi'), { path: 'dialogs[0].elements[0].text', elementId: 'hi', field: 'text', rule: 'too-short', message: '`text` must not be empty.' })).toBe(
      'Message must not be empty.',
    );
  });

  it('names a list item by the list label and its number', () => {
    const message = describeIssue(findElement(flow, 'hi'), { path: 'x', elementId: 'hi', field: 'buttons[1].label', rule: 'invalid', message: '`buttons[1].label`: the label "Yes" is already used by button 1.' });
    expect(message).toMatch(/^Quick replies 2 › label: the label "Yes"/);
  });

  it('names an element by its title and name instead of its generated id', () => {
    const issue = { path: 'x', elementId: 'send-message-1vv2li77', rule: 'unreachable-element', message: '"send-message-1vv2li77" cannot be reached from the dialog\'s start element.' };
    expect(describeIssue(findElement(flow, issue.elementId), issue)).toBe('Send message “Goodbye” cannot be reached from the dialog\'s start element.');
  });
});
