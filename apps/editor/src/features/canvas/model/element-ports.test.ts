import { describe, expect, it } from 'vitest';
import type { EditorElement } from '../../bot-editor/document/editor-flow';
import { elementPorts } from './element-ports';

const keywords: EditorElement = {
  id: 'ask',
  type: 'user-response',
  keywords: [
    { id: 'yes', text: 'Yes' },
    { id: 'no', text: 'No' },
  ],
  fallback: { action: { type: 'port' } },
};

describe('elementPorts', () => {
  it('asks the registry for a complete element', () => {
    expect(elementPorts(keywords)).toEqual(['keyword:yes', 'keyword:no', 'fallback']);
    expect(elementPorts({ id: 'hi', type: 'send-message', text: 'Hi' })).toEqual(['next']);
    expect(elementPorts({ id: 'bye', type: 'close-session' })).toEqual([]);
  });

  it('gives the same ports for an element that does not pass its schema yet', () => {
    expect(elementPorts({ id: 'hi', type: 'send-message', text: '' })).toEqual(['next']);
    expect(elementPorts({ ...keywords, keywords: [{ id: 'yes', text: '' }] })).toEqual(['keyword:yes', 'fallback']);
    expect(elementPorts({ id: 'if', type: 'conditions', conditions: [{ id: 'vip', name: 'VIP', rules: [] }] })).toEqual(['condition:vip', 'else']);
    expect(elementPorts({ id: 'call', type: 'api', url: '', fallback: { action: { type: 'port' } } })).toEqual(['next', 'fallback']);
    expect(elementPorts({ id: 'go', type: 'to-dialog', dialogId: '' })).toEqual([]);
  });
});
