import { bindElement, elementSchema } from '@parley/elements';
import type { EditorElement } from '../../bot-editor/document/editor-flow';

function strings(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) strings(item, into);
  return into;
}

function mentions(text: string, name: string): boolean {
  if (text === name) return true;
  const placeholder = new RegExp(`\\{\\{\\s*${name}(?![A-Za-z0-9_])`);
  return placeholder.test(text) || new RegExp(`(['"\`])${name}\\1`).test(text);
}

/**
 * Names of the attributes `element` reads or writes: its definition's attributeRefs when
 * the element passes its schema; otherwise (a half-filled element) those of `candidates`
 * that some text of the config names, as a field value, a {{placeholder}} or a quoted
 * string (what attributeRefs would find once the element is complete).
 */
export function elementAttributeNames(element: EditorElement, candidates: Iterable<string>): Set<string> {
  const parsed = elementSchema.safeParse(element);
  if (parsed.success) return new Set(bindElement(parsed.data).attributeRefs().map((ref) => ref.name));
  const texts = strings(element, []);
  const names = new Set<string>();
  for (const name of candidates) if (texts.some((text) => mentions(text, name))) names.add(name);
  return names;
}
