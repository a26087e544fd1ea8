/**
 * For a list of keys (header names, body keys ...), the problem of each position: a
 * message naming the key when an earlier item already uses it, else undefined. Keys are
 * compared trimmed, and ignoring case when `caseInsensitive` (HTTP header names). Blank
 * keys are not duplicates (an empty key is reported as missing by validation).
 * `itemTitle` names the earlier item: 'the key "Accept" is already used by header 1'.
 */
export function duplicateKeys(keys: readonly string[], options: { caseInsensitive: boolean; itemTitle: string }): (string | undefined)[] {
  const seen = new Map<string, number>();
  return keys.map((key, index) => {
    const normal = options.caseInsensitive ? key.trim().toLowerCase() : key.trim();
    if (normal === '') return undefined;
    const first = seen.get(normal);
    if (first !== undefined) return `The key "${key.trim()}" is already used by ${options.itemTitle.toLowerCase()} ${first + 1}`;
    seen.set(normal, index);
    return undefined;
  });
}
