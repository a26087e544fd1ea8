import { graphlib, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { EditorEdge, EditorElement, Point } from '../../bot-editor/document/editor-flow';

/** Left to right (ports on the right lead on to the next column) or top to bottom. */
export type LayoutDirection = 'LR' | 'TB';

export type Size = { readonly width: number; readonly height: number };

/** The size assumed for an element the canvas has not measured yet. */
export const defaultNodeSize: Size = { width: 240, height: 96 };

/** Space between neighbours in one rank, and between ranks. */
const nodeGap = 40;
const rankGap = 80;

/**
 * Positions (top-left corners, whole pixels) for every element of a dialog, laid out by
 * dagre along the edges in `direction`, each element taking its measured size
 * (`sizes`, else defaultNodeSize) so none overlaps another. The layout keeps the
 * dialog where it was: its bounding box starts at the old one's top-left corner.
 * Edges to elements not in `elements` are ignored.
 */
export function layoutElements(
  elements: readonly EditorElement[],
  edges: readonly EditorEdge[],
  sizes: ReadonlyMap<string, Size>,
  direction: LayoutDirection,
): Map<string, Point> {
  const positions = new Map<string, Point>();
  if (elements.length === 0) return positions;
  const graph = new graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  graph.setGraph({ rankdir: direction, nodesep: nodeGap, ranksep: rankGap, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set<string>();
  for (const element of elements) {
    const size = sizes.get(element.id) ?? defaultNodeSize;
    graph.setNode(element.id, { width: size.width, height: size.height });
    ids.add(element.id);
  }
  for (const edge of edges) {
    if (ids.has(edge.from) && ids.has(edge.to) && edge.from !== edge.to) graph.setEdge(edge.from, edge.to, {}, edge.id);
  }
  layout(graph);

  const before = corner(elements.map((element) => element.position ?? { x: 0, y: 0 }));
  const laidOut = new Map<string, Point>();
  for (const element of elements) {
    const node = graph.node(element.id);
    const size = sizes.get(element.id) ?? defaultNodeSize;
    laidOut.set(element.id, { x: (node.x ?? 0) - size.width / 2, y: (node.y ?? 0) - size.height / 2 });
  }
  const after = corner([...laidOut.values()]);
  for (const [id, point] of laidOut) {
    positions.set(id, { x: Math.round(point.x - after.x + before.x), y: Math.round(point.y - after.y + before.y) });
  }
  return positions;
}

function corner(points: readonly Point[]): Point {
  return { x: Math.min(...points.map((point) => point.x)), y: Math.min(...points.map((point) => point.y)) };
}
