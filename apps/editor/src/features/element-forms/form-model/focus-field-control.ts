import { formatFieldPath } from './format-field-path';
import { parseFieldPath } from './parse-field-path';

const focusable =
  'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

/**
 * Puts the keyboard in the control of `field` ('buttons[1].label') inside `container`:
 * the element marked data-field with that path, or, when the field has no control of
 * its own (a list item, a hidden tag), the nearest enclosing field that has one. Scrolls
 * it into view. Returns whether something got focus.
 */
export function focusFieldControl(container: HTMLElement, field: string): boolean {
  const path = parseFieldPath(field);
  for (let length = path.length; length > 0; length -= 1) {
    const marked = container.querySelector<HTMLElement>(`[data-field="${CSS.escape(formatFieldPath(path.slice(0, length)))}"]`);
    if (!marked) continue;
    const target = marked.matches(focusable) ? marked : marked.querySelector<HTMLElement>(focusable);
    if (!target) continue;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    return true;
  }
  return false;
}
