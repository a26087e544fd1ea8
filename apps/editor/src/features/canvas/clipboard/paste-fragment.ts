import { isBuiltInAttribute } from '@parley/elements';
import type { EditorAttribute, EditorEdge, EditorElement, EditorFlow, Point } from '../../bot-editor/document/editor-flow';
import { addElements, flowIds } from '../../bot-editor/document/flow-edits';
import { newId } from '../../bot-editor/document/new-id';
import type { ClipboardFragment } from './clipboard-fragment';

/** How far each paste is shifted from elements already at the same place. */
export const pasteOffset = 40;

/** Two elements whose corners are closer than this (on both axes) count as on top of each other. */
const samePlace = 8;

export type PasteResult = {
  readonly flow: EditorFlow;
  /** Ids of the pasted elements (new ids), in fragment order: select them. */
  readonly elementIds: readonly string[];
  /** Attributes declared by the paste because the target flow lacked them. */
  readonly addedAttributes: readonly string[];
  /** Attributes the target declares with another type than the source did (the target's declaration stays). */
  readonly conflictingAttributes: readonly string[];
};

export type PasteOptions = {
  /** Where the fragment's top-left corner goes; without it, where it was in the source. */
  readonly at?: Point;
};

/**
 * Pastes a clipboard fragment into dialog `dialogId` of `flow` (the same bot or another):
 * every element and edge gets a new id (edges follow their elements), elements land at
 * `options.at` (or their old place), shifted by `pasteOffset` steps until none sits on an
 * element already there; attributes the elements use that `flow` does not declare are
 * declared as the source declared them. The whole paste is one edit of the flow.
 */
export function pasteFragment(flow: EditorFlow, dialogId: string, fragment: ClipboardFragment, options: PasteOptions = {}): PasteResult {
  const dialog = flow.dialogs.find((candidate) => candidate.id === dialogId);
  if (!dialog || fragment.elements.length === 0) return { flow, elementIds: [], addedAttributes: [], conflictingAttributes: [] };

  const taken = flowIds(flow);
  const ids = new Map<string, string>();
  for (const element of fragment.elements) {
    const id = newId(element.type, taken);
    taken.add(id);
    ids.set(element.id, id);
  }

  const origin = topLeft(fragment.elements);
  const base: Point = options.at ? { x: options.at.x - origin.x, y: options.at.y - origin.y } : { x: 0, y: 0 };
  const occupied = dialog.elements.map((element) => element.position ?? { x: 0, y: 0 });
  const collides = (shift: Point) =>
    fragment.elements.some((element) => {
      const at = add(element.position ?? { x: 0, y: 0 }, shift);
      return occupied.some((point) => Math.abs(point.x - at.x) < samePlace && Math.abs(point.y - at.y) < samePlace);
    });
  let step = 0;
  let shift = base;
  while (collides(shift) && step < 100) {
    step += 1;
    shift = add(base, { x: step * pasteOffset, y: step * pasteOffset });
  }

  const elements: EditorElement[] = fragment.elements.map((element) => {
    const position = add(element.position ?? { x: 0, y: 0 }, shift);
    return { ...element, id: ids.get(element.id) ?? element.id, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  });
  const edges: EditorEdge[] = [];
  for (const edge of fragment.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const id = newId('edge', taken);
    taken.add(id);
    edges.push(edge.port === undefined ? { id, from, to } : { id, from, port: edge.port, to });
  }

  const declared = new Map(flow.attributes.map((attribute) => [attribute.name, attribute]));
  const added: EditorAttribute[] = [];
  const conflictingAttributes: string[] = [];
  for (const attribute of fragment.attributes) {
    if (isBuiltInAttribute(attribute.name)) continue;
    const existing = declared.get(attribute.name);
    if (existing) {
      if (existing.type !== attribute.type) conflictingAttributes.push(attribute.name);
      continue;
    }
    declared.set(attribute.name, attribute);
    added.push(attribute);
  }

  const withAttributes: EditorFlow = added.length === 0 ? flow : { ...flow, attributes: [...flow.attributes, ...added] };
  return {
    flow: addElements(withAttributes, dialogId, elements, edges),
    elementIds: elements.map((element) => element.id),
    addedAttributes: added.map((attribute) => attribute.name),
    conflictingAttributes,
  };
}

function add(a: Point, b: Point): Point {
  return { x: a.x + b.x, y: a.y + b.y };
}

function topLeft(elements: readonly EditorElement[]): Point {
  let x = Infinity;
  let y = Infinity;
  for (const element of elements) {
    x = Math.min(x, element.position?.x ?? 0);
    y = Math.min(y, element.position?.y ?? 0);
  }
  return { x: Number.isFinite(x) ? x : 0, y: Number.isFinite(y) ? y : 0 };
}
