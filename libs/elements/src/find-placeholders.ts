/**
 * A `{{name}}` or `{{name.path.0.key}}` reference in a message template.
 * `name` is the attribute; `path` walks into JSON (objects by key, arrays by index).
 */
export type Placeholder = {
  /** The placeholder as written, braces included. */
  raw: string;
  name: string;
  path: string[];
};

// Whitespace inside the braces is allowed: {{ name }} equals {{name}}.
const placeholderPattern = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_-]+)*)\s*\}\}/g;

/**
 * Every placeholder in `template`, in order of appearance. Text that merely
 * resembles one (`{{ }}`, `{{1abc}}`) is not a placeholder and is left as written.
 */
export function findPlaceholders(template: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of template.matchAll(placeholderPattern)) {
    const name = match[1] ?? '';
    const rest = match[2] ?? '';
    found.push({ raw: match[0], name, path: rest === '' ? [] : rest.slice(1).split('.') });
  }
  return found;
}

/** Replaces each placeholder with `replace(placeholder)`; everything else is copied verbatim. */
export function replacePlaceholders(template: string, replace: (placeholder: Placeholder) => string): string {
  return template.replace(placeholderPattern, (raw: string, name: string, rest: string) =>
    replace({ raw, name, path: rest === '' ? [] : rest.slice(1).split('.') }),
  );
}
