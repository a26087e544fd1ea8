/** Keys written first, in this order, in every object of an exported flow. */
const firstKeys = ['version', 'id', 'name', 'type', 'scope', 'attributes', 'entryDialogId', 'defaultDialogId', 'sessionExpireDialogId', 'startElementId', 'from', 'port', 'to'];
/** Keys written last (the long lists and canvas positions). */
const lastKeys = ['settings', 'components', 'dialogs', 'elements', 'edges', 'position'];

function rank(key: string): number {
  const first = firstKeys.indexOf(key);
  if (first >= 0) return first - firstKeys.length;
  const last = lastKeys.indexOf(key);
  return last >= 0 ? 1 + last : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item], index) => ({ key, item: ordered(item), index }));
  entries.sort((a, b) => rank(a.key) - rank(b.key) || a.index - b.index);
  return Object.fromEntries(entries.map(({ key, item }) => [key, item]));
}

/**
 * A flow document as an export file's text: pretty JSON (two-space indent, final newline)
 * with each object's keys in reading order (version, ids, names and types first; dialogs,
 * elements, edges and positions last; other keys as they came). The stored draft comes
 * back from the database with its keys reordered, so this gives people a readable file;
 * the document's content is unchanged.
 */
export function readableFlowJson(draft: unknown): string {
  return `${JSON.stringify(ordered(draft), null, 2)}\n`;
}
