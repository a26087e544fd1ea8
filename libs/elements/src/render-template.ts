import { replacePlaceholders } from './find-placeholders';

/**
 * Fills `{{name}}` and `{{name.path}}` placeholders from `attributes`.
 *
 * Contract (pure, total, never throws):
 * - a missing attribute or path renders as '' (so does null);
 * - strings render as-is, numbers and booleans via String(), objects and arrays as JSON;
 * - a path walks objects by own key and arrays by numeric index; a string met on the way
 *   is parsed as JSON first, so JSON kept as text (e.g. a saved reply) can be walked too.
 */
export function renderTemplate(template: string, attributes: Readonly<Record<string, unknown>>): string {
  return replacePlaceholders(template, ({ name, path }) =>
    formatValue(resolvePath(Object.hasOwn(attributes, name) ? attributes[name] : undefined, path)),
  );
}

function resolvePath(start: unknown, path: readonly string[]): unknown {
  let current = start;
  for (const segment of path) {
    if (typeof current === 'string') current = parseJson(current);
    if (Array.isArray(current)) {
      current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    } else if (typeof current === 'object' && current !== null) {
      current = Object.hasOwn(current, segment) ? Reflect.get(current, segment) : undefined;
    } else {
      return undefined;
    }
  }
  return current;
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return parsed;
  } catch {
    return undefined;
  }
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object') return '';
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return ''; // cyclic or BigInt-holding values cannot come from a valid session
  }
}
