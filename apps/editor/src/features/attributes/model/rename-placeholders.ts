import { replacePlaceholders } from '@parley/elements';

/**
 * `text` with every placeholder of attribute `from` ({{from}}, {{ from.path.0 }}) naming
 * `to` instead, its spacing and JSON path kept; other placeholders and text unchanged.
 */
export function renamePlaceholders(text: string, from: string, to: string): string {
  return replacePlaceholders(text, (placeholder) => (placeholder.name === from ? placeholder.raw.replace(/^(\{\{\s*)[A-Za-z_][A-Za-z0-9_]*/, `$1${to}`) : placeholder.raw));
}
