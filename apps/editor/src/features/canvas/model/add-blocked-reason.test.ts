import { describe, expect, it } from 'vitest';
import type { EditorDialog } from '../../bot-editor/document/editor-flow';
import { addBlockedReason } from './add-blocked-reason';
import { freePosition, freeStep } from './free-position';

const dialog: EditorDialog = {
  id: 'main',
  name: 'Main',
  startElementId: 'if',
  elements: [{ id: 'if', type: 'conditions', conditions: [{ id: 'c', name: 'C', rules: [] }], position: { x: 0, y: 0 } }],
  edges: [],
};

describe('addBlockedReason', () => {
  it("refuses a type whose maxPerDialog is reached, with the reason, and nothing else", () => {
    expect(addBlockedReason('conditions', dialog)).toBe('A dialog can have only one Conditions element');
    expect(addBlockedReason('conditions', { ...dialog, elements: [] })).toBeUndefined();
    expect(addBlockedReason('send-message', dialog)).toBeUndefined();
    expect(addBlockedReason('send-message', undefined)).toBe('Open a dialog first');
  });
});

describe('freePosition', () => {
  it('moves off elements already at the wanted place', () => {
    expect(freePosition({ x: 10.2, y: 20.7 }, [])).toEqual({ x: 10, y: 21 });
    expect(freePosition({ x: 0, y: 0 }, [{ x: 2, y: 3 }, { x: freeStep, y: freeStep }])).toEqual({ x: 2 * freeStep, y: 2 * freeStep });
  });
});
