import type { EditorDialog, EditorEdge, EditorFlow } from '../../bot-editor/document/editor-flow';
import type { FlowDiff } from './diff-flows';

/** `id`, or `id-2`, `id-3` … : the first that `taken` does not hold (then it is taken). */
function unique(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** A's edges that touch a re-added element, between elements `dialog` now holds, with ids unique in it. */
function edgesBack(from: EditorDialog, into: EditorDialog, readded: ReadonlySet<string>): EditorEdge[] {
  const present = new Set(into.elements.map((element) => element.id));
  const taken = new Set(into.edges.map((edge) => edge.id));
  return from.edges
    .filter((edge) => (readded.has(edge.from) || readded.has(edge.to)) && present.has(edge.from) && present.has(edge.to))
    .map((edge) => ({ ...edge, id: unique(edge.id, taken) }));
}

/**
 * The flow the diff view draws: B, with what A had and B has not put back so it can be
 * drawn (dimmed by its 'removed' mark): each dialog's removed elements (at A's positions,
 * with A's arrows to and from them) and A's removed dialogs, after B's. Everything else is
 * B's as it is. Only for display: never saved.
 */
export function buildDisplayFlow(a: EditorFlow, b: EditorFlow, diff: FlowDiff): EditorFlow {
  const dialogsOfA = new Map(a.dialogs.map((dialog) => [dialog.id, dialog]));
  const removedIn = new Map(diff.dialogs.map((dialog) => [dialog.dialogId, new Set(dialog.removed)]));
  const withRemoved = (base: EditorDialog, old: EditorDialog): EditorDialog => {
    const readded = removedIn.get(base.id) ?? new Set<string>();
    if (readded.size === 0) return base;
    const grown: EditorDialog = { ...base, elements: [...base.elements, ...old.elements.filter((element) => readded.has(element.id))] };
    return { ...grown, edges: [...base.edges, ...edgesBack(old, grown, readded)] };
  };

  const dialogs = b.dialogs.map((dialog) => {
    const old = dialogsOfA.get(dialog.id);
    return old ? withRemoved(dialog, old) : dialog;
  });
  for (const id of diff.removedDialogs) {
    const old = dialogsOfA.get(id);
    if (!old) continue;
    const emptied: EditorDialog = { ...old, elements: [], edges: [] };
    dialogs.push(withRemoved(emptied, old));
  }
  return { ...b, dialogs };
}
