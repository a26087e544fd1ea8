import { defaultPort } from '@parley/elements';
import type { EditorEdge } from '../../bot-editor/document/editor-flow';

const indexes = new WeakMap<readonly EditorEdge[], Map<string, string>>();

/**
 * The ports that edges of `edges` leave element `elementId` through, as one string
 * ('\n'-separated, in edge order): a primitive, so a node's store selector keeps its value
 * while they do not change. Indexed once per edges array.
 */
export function outgoingPortsKey(edges: readonly EditorEdge[], elementId: string): string {
  let index = indexes.get(edges);
  if (!index) {
    const lists = new Map<string, string[]>();
    for (const edge of edges) {
      const list = lists.get(edge.from) ?? [];
      list.push(edge.port ?? defaultPort);
      lists.set(edge.from, list);
    }
    index = new Map([...lists].map(([from, ports]) => [from, ports.join('\n')]));
    indexes.set(edges, index);
  }
  return index.get(elementId) ?? '';
}
