/**
 * The command palette's filter (cmdk's `filter`): every word typed must occur in the
 * item's value or keywords (case-insensitive); items where a word starts with the whole
 * query rank first, then items where each typed word starts a word, then other matches.
 * 0 hides the item. Unlike a subsequence match, "layout" does not find every long text
 * that happens to hold l, a, y, o, u and t in order.
 */
export function paletteFilter(value: string, search: string, keywords: readonly string[] = []): number {
  const query = search.trim().toLowerCase();
  if (query === '') return 1;
  const text = [value, ...keywords].join(' ').toLowerCase();
  const tokens = query.split(/\s+/);
  if (!tokens.every((token) => text.includes(token))) return 0;
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const startsWord = (token: string) => words.some((word) => word.startsWith(token)) || text.startsWith(token);
  const phrase = ` ${text}`.includes(` ${query}`);
  if (phrase) return 1;
  if (tokens.every(startsWord)) return 0.7;
  return 0.3;
}
