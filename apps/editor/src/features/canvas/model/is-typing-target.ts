/**
 * True when keys pressed at `target` are text entry: an input, textarea, select, an
 * editable element or anything inside a CodeMirror editor. Canvas shortcuts keep out of
 * the way there, so Delete deletes a character and Ctrl+Z undoes typing.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('.cm-editor, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"]') !== null;
}
