/** Bot names are at most this long (the API's botNameSchema). */
export const maxBotNameLength = 100;

/**
 * The name an imported bot gets unless the person changes it: the file's name without
 * `.parley.json` / `.json` (what Export writes), trimmed and cut to the name limit;
 * "Imported bot" when nothing is left.
 */
export function importNameFromFile(fileName: string): string {
  const base = fileName.replace(/(\.parley)?\.json$/i, '').trim().slice(0, maxBotNameLength).trim();
  return base === '' ? 'Imported bot' : base;
}
