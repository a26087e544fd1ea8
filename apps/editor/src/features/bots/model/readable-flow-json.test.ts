import { describe, expect, it } from 'vitest';
import { readableFlowJson } from './readable-flow-json';

describe('readableFlowJson', () => {
  const stored = {
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        edges: [{ id: 'e1', to: 'b', from: 'a' }],
        elements: [{ id: 'a', text: 'Hi {{name}}', type: 'send-message', position: { x: 0, y: 0 } }],
        startElementId: 'a',
      },
    ],
    version: 1,
    attributes: [{ name: 'name', type: 'text', scope: 'session' }],
    entryDialogId: 'main',
  };

  it('keeps the content', () => {
    expect(JSON.parse(readableFlowJson(stored))).toEqual(stored);
  });

  it('writes keys in reading order, pretty, with a final newline', () => {
    const text = readableFlowJson(stored);
    expect(Object.keys(JSON.parse(text))).toEqual(['version', 'attributes', 'entryDialogId', 'dialogs']);
    expect(text).toMatch(/^\{\n {2}"version": 1,\n/);
    expect(text.endsWith('}\n')).toBe(true);
    const dialog = JSON.parse(text).dialogs[0];
    expect(Object.keys(dialog)).toEqual(['id', 'name', 'startElementId', 'elements', 'edges']);
    expect(Object.keys(dialog.elements[0])).toEqual(['id', 'type', 'text', 'position']);
    expect(Object.keys(dialog.edges[0])).toEqual(['id', 'from', 'to']);
  });
});
