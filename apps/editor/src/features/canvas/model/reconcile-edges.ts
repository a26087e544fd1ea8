import { defaultPort } from '@parley/elements';
import { MarkerType } from '@xyflow/react';
import type { EditorEdge } from '../../bot-editor/document/editor-flow';
import type { CanvasEdge } from './canvas-edge';

/** The handle id of every element's input. */
export const inputHandle = 'in';

const marker = { type: MarkerType.ArrowClosed, width: 16, height: 16 } as const;

/**
 * The canvas edges of a dialog's `edges`: smoothstep arrows from the port's handle to the
 * input handle, selected as `selected` says, deletable unless `readOnly`. Edges whose
 * ends are not both elements of the dialog (`elementIds`) are left out (validateFlow
 * reports them). Unchanged edges keep their old objects; when nothing changed the old
 * array is returned.
 */
export function reconcileEdges(
  previous: CanvasEdge[],
  edges: readonly EditorEdge[],
  elementIds: ReadonlySet<string>,
  selected: ReadonlySet<string>,
  readOnly: boolean,
): CanvasEdge[] {
  const byId = new Map(previous.map((edge) => [edge.id, edge]));
  const next: CanvasEdge[] = [];
  let unchanged = true;
  for (const edge of edges) {
    if (!elementIds.has(edge.from) || !elementIds.has(edge.to)) continue;
    const port = edge.port ?? defaultPort;
    const isSelected = selected.has(edge.id);
    const old = byId.get(edge.id);
    const reusable =
      old && old.source === edge.from && old.target === edge.to && old.sourceHandle === port && (old.selected ?? false) === isSelected && old.deletable === !readOnly;
    const item: CanvasEdge = reusable
      ? old
      : {
          id: edge.id,
          type: 'smoothstep',
          source: edge.from,
          sourceHandle: port,
          target: edge.to,
          targetHandle: inputHandle,
          selected: isSelected,
          deletable: !readOnly,
          markerEnd: marker,
        };
    if (previous[next.length] !== item) unchanged = false;
    next.push(item);
  }
  return unchanged && next.length === previous.length ? previous : next;
}
