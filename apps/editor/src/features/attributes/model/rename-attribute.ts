import type { EditorElement, EditorFlow, FieldPath } from '../../bot-editor/document/editor-flow';
import { getAtPath, setAtPath } from '../../bot-editor/document/set-at-path';
import type { AttributeRef } from './attribute-ref';
import { elementAttributeRefs } from './element-attribute-refs';
import { renamePlaceholders } from './rename-placeholders';
import { renameInScript } from './script-attribute-names';
import { settingsAttributeRefs } from './settings-attribute-refs';

/** The text at one reference with the name changed, or the same text when it does not name `from` there. */
function renamedText(text: string, via: AttributeRef['via'], from: string, to: string): string {
  if (via === 'field') return text === from ? to : text;
  if (via === 'script') return renameInScript(text, from, to);
  return renamePlaceholders(text, from, to);
}

/** `target` with the references to `from` among `refs` renamed (each path once). */
function renameRefs<T extends object>(target: T, refs: readonly AttributeRef[], from: string, to: string): T {
  const done = new Set<string>();
  let result = target;
  for (const ref of refs) {
    if (ref.name !== from) continue;
    const key = `${ref.via}:${JSON.stringify(ref.path)}`;
    if (done.has(key)) continue;
    done.add(key);
    const path: FieldPath = ref.path;
    const text = getAtPath(result, path);
    if (typeof text !== 'string') continue;
    const next = renamedText(text, ref.via, from, to);
    if (next !== text) result = setAtPath(result, path, next);
  }
  return result;
}

/**
 * The flow with attribute `from` renamed `to` everywhere: its declaration, every element
 * field naming it (attribute fields such as saveAs or a condition's attribute, and Code's
 * attributeApi.get/set names) and every placeholder of it ({{from}}, {{ from.path }}) in
 * elements and in the bot's default fallback message. Nothing else changes: other
 * attributes, texts that merely contain the word, untouched elements and dialogs keep
 * their objects. The same flow when `from` equals `to`. Pure; the caller applies it as
 * one edit (one undo step) and checks `to` first (attributeNameProblem).
 */
export function renameAttribute(flow: EditorFlow, from: string, to: string): EditorFlow {
  if (from === to) return flow;
  let changed = false;
  const attributes = flow.attributes.map((attribute) => {
    if (attribute.name !== from) return attribute;
    changed = true;
    return { ...attribute, name: to };
  });
  const dialogs = flow.dialogs.map((dialog) => {
    let dialogChanged = false;
    const elements = dialog.elements.map((element): EditorElement => {
      const next = renameRefs(element, elementAttributeRefs(element), from, to);
      if (next !== element) dialogChanged = true;
      return next;
    });
    if (!dialogChanged) return dialog;
    changed = true;
    return { ...dialog, elements };
  });
  const renamed: EditorFlow = { ...flow, attributes, dialogs };
  const withSettings = renameRefs(renamed, settingsAttributeRefs(flow), from, to);
  if (withSettings !== renamed) changed = true;
  return changed ? withSettings : flow;
}
