import type { EditorAttribute, EditorEdge, EditorElement, EditorFlow } from '../../bot-editor/document/editor-flow';
import type { ClipboardFragment } from './clipboard-fragment';
import { elementAttributeNames } from './element-attribute-names';

/**
 * The clipboard fragment of the elements `elementIds` of `flow`: those elements as
 * written (document order), the edges running between two of them (edges to elements
 * left behind are not copied), and the flow's declarations of the attributes they use,
 * so a paste into another bot can declare what is missing there. Undefined when none of
 * the ids is an element of the flow.
 */
export function buildFragment(flow: EditorFlow, elementIds: Iterable<string>): ClipboardFragment | undefined {
  const wanted = new Set(elementIds);
  const elements: EditorElement[] = [];
  const edges: EditorEdge[] = [];
  for (const dialog of flow.dialogs) {
    const picked = dialog.elements.filter((element) => wanted.has(element.id));
    if (picked.length === 0) continue;
    const inside = new Set(picked.map((element) => element.id));
    elements.push(...picked);
    edges.push(...dialog.edges.filter((edge) => inside.has(edge.from) && inside.has(edge.to)));
  }
  if (elements.length === 0) return undefined;
  const declared = flow.attributes.map((attribute) => attribute.name);
  const used = new Set<string>();
  for (const element of elements) for (const name of elementAttributeNames(element, declared)) used.add(name);
  const attributes: EditorAttribute[] = flow.attributes.filter((attribute) => used.has(attribute.name));
  return { parley: 'elements', version: 1, elements, edges, attributes };
}
