import { describe, expect, it } from 'vitest';
import type { EditorEdge, EditorElement } from '../../bot-editor/document/editor-flow';
import { defaultNodeSize, layoutElements, type Size } from './layout-elements';

const elements: EditorElement[] = [
  { id: 'a', type: 'send-message', text: 'A', position: { x: 500, y: 500 } },
  { id: 'b', type: 'user-response', keywords: [{ id: 'y', text: 'Yes' }, { id: 'n', text: 'No' }], position: { x: 500, y: 500 } },
  { id: 'c', type: 'send-message', text: 'C', position: { x: 500, y: 500 } },
  { id: 'd', type: 'send-message', text: 'D', position: { x: 500, y: 500 } },
  { id: 'e', type: 'close-session', position: { x: 500, y: 500 } },
  { id: 'lonely', type: 'delay', seconds: 2, position: { x: 500, y: 500 } },
];
const edges: EditorEdge[] = [
  { id: 'e1', from: 'a', to: 'b' },
  { id: 'e2', from: 'b', port: 'keyword:y', to: 'c' },
  { id: 'e3', from: 'b', port: 'keyword:n', to: 'd' },
  { id: 'e4', from: 'c', to: 'e' },
  { id: 'e5', from: 'd', to: 'e' },
  { id: 'e6', from: 'e', to: 'a' },
];
const sizes = new Map<string, Size>([
  ['b', { width: 240, height: 180 }],
  ['c', { width: 320, height: 60 }],
]);

function overlap(a: { x: number; y: number } & Size, b: { x: number; y: number } & Size): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutElements', () => {
  for (const direction of ['LR', 'TB'] as const) {
    it(`places every element without overlaps (${direction}), keeping the top-left corner`, () => {
      const positions = layoutElements(elements, edges, sizes, direction);
      expect([...positions.keys()].sort()).toEqual(elements.map((element) => element.id).sort());
      const boxes = [...positions].map(([id, point]) => ({ ...point, ...(sizes.get(id) ?? defaultNodeSize) }));
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const a = boxes[i];
          const b = boxes[j];
          if (a && b) expect(overlap(a, b)).toBe(false);
        }
      }
      expect(Math.min(...boxes.map((box) => box.x))).toBe(500);
      expect(Math.min(...boxes.map((box) => box.y))).toBe(500);
      for (const box of boxes) expect(Number.isInteger(box.x) && Number.isInteger(box.y)).toBe(true);
    });
  }

  it('follows the direction: a successor is to the right (LR) or below (TB)', () => {
    const lr = layoutElements(elements, edges, sizes, 'LR');
    expect((lr.get('b')?.x ?? 0) > (lr.get('a')?.x ?? 0)).toBe(true);
    const tb = layoutElements(elements, edges, sizes, 'TB');
    expect((tb.get('b')?.y ?? 0) > (tb.get('a')?.y ?? 0)).toBe(true);
  });
});
