import type { AttributeValue } from '../attribute-values-schema';
import { findPlaceholders, type Placeholder } from '../find-placeholders';
import { renderTemplate } from '../render-template';
import { resolvePlaceholderValue } from './resolve-placeholder-value';

/**
 * Fills the placeholders of a JSON template so the result stays valid JSON whatever the
 * values hold (no injection through quotes):
 * - inside a JSON string literal, the value is inserted as text (renderTemplate's
 *   formatting), escaped for JSON: `"Hi {{name}}"` → `"Hi Ana \"A\""`;
 * - anywhere else, the value is inserted as a JSON value keeping its type:
 *   `{"age": {{age}}, "tags": {{tags}}}` → `{"age": 31, "tags": ["a"]}`; a missing
 *   value becomes `null`.
 * A template that is valid JSON once its placeholders are replaced gives valid JSON.
 * Pure and total.
 */
export function renderJsonTemplate(template: string, attributes: Readonly<Record<string, AttributeValue>>): string {
  return fillJsonTemplate(template, (placeholder, inString) => {
    if (inString) return JSON.stringify(renderTemplate(placeholder.raw, attributes)).slice(1, -1);
    const value = resolvePlaceholderValue(placeholder, attributes);
    return JSON.stringify(value ?? null);
  });
}

/**
 * Replaces each placeholder of `template` with `replace(placeholder, inString)`, where
 * `inString` tells whether it sits inside a JSON string literal of the template (quotes
 * and backslash escapes of the surrounding text are tracked; placeholders count as
 * neither).
 */
export function fillJsonTemplate(template: string, replace: (placeholder: Placeholder, inString: boolean) => string): string {
  const placeholders = findPlaceholders(template);
  let output = '';
  let position = 0;
  let inString = false;
  let escaped = false;
  for (const placeholder of placeholders) {
    const start = template.indexOf(placeholder.raw, position);
    if (start < 0) break; // cannot happen: placeholders come in order of appearance
    for (const char of template.slice(position, start)) {
      if (escaped) escaped = false;
      else if (inString && char === '\\') escaped = true;
      else if (char === '"') inString = !inString;
    }
    escaped = false;
    output += template.slice(position, start) + replace(placeholder, inString);
    position = start + placeholder.raw.length;
  }
  return output + template.slice(position);
}
