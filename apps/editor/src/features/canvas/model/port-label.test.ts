import { describe, expect, it } from 'vitest';
import type { EditorElement } from '../../bot-editor/document/editor-flow';
import { portLabel } from './port-label';

describe('portLabel', () => {
  it("names keyword ports by the keyword's text and condition ports by the condition's name", () => {
    const ask: EditorElement = { id: 'ask', type: 'user-response', keywords: [{ id: 'k1', text: ' Opening hours ' }, { id: 'k2', text: '' }] };
    expect(portLabel(ask, 'keyword:k1')).toBe('Opening hours');
    expect(portLabel(ask, 'keyword:k2')).toBe('Keyword (empty)');
    const branch: EditorElement = { id: 'if', type: 'conditions', conditions: [{ id: 'vip', name: 'VIP customer', rules: [] }] };
    expect(portLabel(branch, 'condition:vip')).toBe('VIP customer');
    expect(portLabel(branch, 'else')).toBe('Else');
  });

  it("says what 'next' means beside other ports, and names the fixed ports", () => {
    expect(portLabel({ id: 'call', type: 'api', url: 'https://x.test' }, 'next')).toBe('Success');
    expect(portLabel({ id: 'ask', type: 'user-response' }, 'next')).toBe('Any reply');
    expect(portLabel({ id: 'save', type: 'save-user-response', saveAs: 'name' }, 'next')).toBe('Saved');
    expect(portLabel({ id: 'hi', type: 'send-message', text: 'Hi' }, 'next')).toBe('Next');
    expect(portLabel({ id: 'call', type: 'api', url: 'https://x.test' }, 'fallback')).toBe('Fallback');
    expect(portLabel({ id: 'hi', type: 'send-message', text: 'Hi' }, 'timeout')).toBe('Timeout');
    expect(portLabel({ id: 'hi', type: 'send-message', text: 'Hi' }, 'failure')).toBe('Failure');
  });

  it('shows the raw id of a port the config no longer has', () => {
    expect(portLabel({ id: 'ask', type: 'user-response', keywords: [] }, 'keyword:gone')).toBe('keyword:gone');
  });
});
