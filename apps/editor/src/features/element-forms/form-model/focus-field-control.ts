import { formatFieldPath } from './format-field-path';
import { parseFieldPath } from './parse-field-path';

/** Value controls, preferred over the buttons around them (a list item's Move and Remove come before its input). */
const controls = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), [role="combobox"], [role="switch"], [contenteditable="true"]';
const focusable = `${controls}, button:not([disabled]), [tabindex]:not([tabindex="-1"])`;

/**
 * Puts the keyboard in the control of `field` ('buttons[1].label') inside `container`:
 * the element marked data-field with that path, or, when the field has no control of
 * its own (a list item, a hidden tag), the nearest enclosing field that has one. Scrolls
 * the panel (only the panel) to it. Returns whether something got focus.
 */
export function focusFieldControl(container: HTMLElement, field: string): boolean {
  const path = parseFieldPath(field);
  for (let length = path.length; length > 0; length -= 1) {
    const marked = container.querySelector<HTMLElement>(`[data-field="${CSS.escape(formatFieldPath(path.slice(0, length)))}"]`);
    if (!marked) continue;
    const target = marked.matches(focusable) ? marked : (marked.querySelector<HTMLElement>(controls) ?? marked.querySelector<HTMLElement>(focusable));
    if (!target) continue;
    centerInScroller(target);
    target.focus({ preventScroll: true });
    return true;
  }
  return false;
}

/**
 * Scrolls the nearest scrolling ancestor (the settings panel) so `target` is in the middle
 * of it. Unlike scrollIntoView, the page and the other panels never move.
 */
function centerInScroller(target: HTMLElement): void {
  for (let node = target.parentElement; node && node !== document.body; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) {
      const box = target.getBoundingClientRect();
      const frame = node.getBoundingClientRect();
      node.scrollTop += box.top - frame.top - (frame.height - box.height) / 2;
      return;
    }
  }
}
