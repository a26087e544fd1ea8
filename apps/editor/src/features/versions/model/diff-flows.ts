import type { EditorDialog, EditorElement, EditorFlow } from '../../bot-editor/document/editor-flow';
import { sameJson } from './same-json';

/** How an element of the newer flow (B) differs from the older one (A). */
export type ElementMark = 'added' | 'removed' | 'changed';

/** One dialog's differences. Element ids are unique across a flow, so an id names one element in A and in B. */
export type DialogDiff = {
  readonly dialogId: string;
  /** B's name of the dialog, or A's for a removed dialog. */
  readonly name: string;
  /** 'added': only in B; 'removed': only in A; 'kept': in both. */
  readonly status: 'added' | 'removed' | 'kept';
  /** Elements of this dialog in B whose id A does not have anywhere. */
  readonly added: readonly string[];
  /** Elements of this dialog in A whose id B does not have anywhere. */
  readonly removed: readonly string[];
  /** Elements of this dialog in B that A has too, with another config, other outgoing connections, or in another dialog. */
  readonly changed: readonly string[];
};

/** Differences of the declared attributes, by name. */
export type AttributesDiff = { readonly added: readonly string[]; readonly removed: readonly string[]; readonly changed: readonly string[] };

export type FlowDiff = {
  /** Every dialog of A and B: B's dialogs in B's order, then those only A has, in A's order. */
  readonly dialogs: readonly DialogDiff[];
  readonly addedDialogs: readonly string[];
  readonly removedDialogs: readonly string[];
  readonly attributes: AttributesDiff;
};

/** The element's config as the diff compares it: everything but its canvas position. */
function config(element: EditorElement): Record<string, unknown> {
  const { position: _position, ...rest } = element;
  return rest;
}

/** Where an element leads, as "port→target" (edge ids are not compared: a redrawn arrow is the same arrow). */
function connections(dialog: EditorDialog, elementId: string): string[] {
  return dialog.edges
    .filter((edge) => edge.from === elementId)
    .map((edge) => `${edge.port ?? 'next'}→${edge.to}`)
    .sort();
}

type Located = { element: EditorElement; dialog: EditorDialog };

function elementsById(flow: EditorFlow): Map<string, Located> {
  const located = new Map<string, Located>();
  for (const dialog of flow.dialogs) for (const element of dialog.elements) located.set(element.id, { element, dialog });
  return located;
}

/**
 * What changed from flow A (the older) to flow B (the newer), per dialog: elements added
 * (only in B), removed (only in A) and changed (in both, but the config differs ignoring
 * the canvas position, it leads elsewhere, or it moved to another dialog, where it is
 * listed); dialogs added and removed; declared attributes added, removed and changed.
 * Pure; lists follow document order.
 */
export function diffFlows(a: EditorFlow, b: EditorFlow): FlowDiff {
  const inA = elementsById(a);
  const inB = elementsById(b);
  const dialogsOfA = new Map(a.dialogs.map((dialog) => [dialog.id, dialog]));
  const dialogsOfB = new Set(b.dialogs.map((dialog) => dialog.id));
  const removedFrom = (dialog: EditorDialog): string[] => dialog.elements.filter((element) => !inB.has(element.id)).map((element) => element.id);

  const dialogs: DialogDiff[] = b.dialogs.map((dialog) => {
    const before = dialogsOfA.get(dialog.id);
    const added: string[] = [];
    const changed: string[] = [];
    for (const element of dialog.elements) {
      const old = inA.get(element.id);
      if (!old) added.push(element.id);
      else if (old.dialog.id !== dialog.id || !sameJson(config(old.element), config(element)) || !sameJson(connections(old.dialog, element.id), connections(dialog, element.id))) {
        changed.push(element.id);
      }
    }
    return { dialogId: dialog.id, name: dialog.name, status: before ? 'kept' : 'added', added, removed: before ? removedFrom(before) : [], changed };
  });
  for (const dialog of a.dialogs) {
    if (!dialogsOfB.has(dialog.id)) dialogs.push({ dialogId: dialog.id, name: dialog.name, status: 'removed', added: [], removed: removedFrom(dialog), changed: [] });
  }

  const attributesOfA = new Map(a.attributes.map((attribute) => [attribute.name, attribute]));
  const namesOfB = new Set(b.attributes.map((attribute) => attribute.name));
  const attributes: AttributesDiff = {
    added: b.attributes.filter((attribute) => !attributesOfA.has(attribute.name)).map((attribute) => attribute.name),
    removed: a.attributes.filter((attribute) => !namesOfB.has(attribute.name)).map((attribute) => attribute.name),
    changed: b.attributes.filter((attribute) => {
      const old = attributesOfA.get(attribute.name);
      return old !== undefined && !sameJson(old, attribute);
    }).map((attribute) => attribute.name),
  };

  return {
    dialogs,
    addedDialogs: dialogs.filter((dialog) => dialog.status === 'added').map((dialog) => dialog.dialogId),
    removedDialogs: dialogs.filter((dialog) => dialog.status === 'removed').map((dialog) => dialog.dialogId),
    attributes,
  };
}

/** How many element changes a dialog has. */
export function changeCount(dialog: DialogDiff): number {
  return dialog.added.length + dialog.removed.length + dialog.changed.length;
}

/** The marks of one dialog's elements, for the read-only canvas. */
export function dialogMarks(dialog: DialogDiff): Map<string, ElementMark> {
  const marks = new Map<string, ElementMark>();
  for (const id of dialog.added) marks.set(id, 'added');
  for (const id of dialog.removed) marks.set(id, 'removed');
  for (const id of dialog.changed) marks.set(id, 'changed');
  return marks;
}
