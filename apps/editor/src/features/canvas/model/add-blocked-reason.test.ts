import { describe, expect, it } from 'vitest';
import type { EditorDialog } from '../../bot-editor/document/editor-flow';
import { addBlockedReason } from './add-blocked-reason';
import { defaultNodeSize } from '../layout/layout-elements';
import { freeGap, freePosition } from './free-position';

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
    // Below the element in the way, and below the next one too when that is also in the way.
    const below = defaultNodeSize.height + freeGap;
    expect(freePosition({ x: 0, y: 0 }, [{ x: 2, y: 3 }, { x: 100, y: 3 + below }])).toEqual({ x: 0, y: 3 + 2 * below });
    // Far enough to the side is free.
    expect(freePosition({ x: 0, y: 0 }, [{ x: defaultNodeSize.width + freeGap, y: 0 }])).toEqual({ x: 0, y: 0 });
  });
});
