import { elementRegistry } from '@parley/elements';
import type { EditorElement } from '../../bot-editor/document/editor-flow';
import type { CanvasNode } from './canvas-node';
import { elementSummary } from './element-summary';

const origin = { x: 0, y: 0 };

/** The accessible name of an element's node: its type and what it does, e.g. "Send message: Hello". */
export function nodeAriaLabel(element: EditorElement): string {
  const title = elementRegistry[element.type].title;
  const what = element.name?.trim() || elementSummary(element);
  return what ? `${title}: ${what}` : title;
}

/**
 * The canvas nodes of `elements` (document order), selected as `selected` says. A node
 * whose element did not move, whose selection and label did not change keeps its old
 * object (and with it xyflow's measured size), so xyflow re-renders only the nodes that
 * changed; when nothing changed the old array itself is returned. A node being dragged
 * keeps its position from the drag, not from the document.
 */
export function reconcileNodes(previous: CanvasNode[], elements: readonly EditorElement[], selected: ReadonlySet<string>): CanvasNode[] {
  const byId = new Map(previous.map((node) => [node.id, node]));
  let unchanged = previous.length === elements.length;
  const next = elements.map((element, index): CanvasNode => {
    const old = byId.get(element.id);
    const position = old?.dragging ? old.position : (element.position ?? origin);
    const isSelected = selected.has(element.id);
    const category = elementRegistry[element.type].category;
    const ariaLabel = nodeAriaLabel(element);
    if (
      old &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      (old.selected ?? false) === isSelected &&
      old.data.category === category &&
      old.ariaLabel === ariaLabel
    ) {
      if (previous[index] !== old) unchanged = false;
      return old;
    }
    unchanged = false;
    const data = old?.data.category === category ? old.data : { category };
    return old ? { ...old, position, selected: isSelected, data, ariaLabel } : { id: element.id, type: 'element', position, selected: isSelected, data, ariaLabel };
  });
  return unchanged ? previous : next;
}
