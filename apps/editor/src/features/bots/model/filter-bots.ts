/** What the search box matches a bot on. */
export type SearchableBot = { readonly name: string; readonly description: string | null };

/**
 * The bots whose name or description contains every word of `query` (case-insensitive,
 * in any order), in their original order. A blank query keeps every bot.
 */
export function filterBots<T extends SearchableBot>(bots: readonly T[], query: string): T[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return [...bots];
  return bots.filter((bot) => {
    const text = `${bot.name}\n${bot.description ?? ''}`.toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  });
}
