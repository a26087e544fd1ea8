/**
 * Which keyword texts repeat an earlier keyword (ignoring case and outer spaces, like the
 * schema), as the form says it while typing; undefined where nothing is. Blank texts are
 * left to validation.
 */
export function keywordProblems(texts: readonly string[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  return texts.map((text, index) => {
    const key = text.trim().toLowerCase();
    if (key === '') return undefined;
    const first = seen.get(key);
    if (first !== undefined) return `"${text.trim()}" repeats keyword ${first + 1}`;
    seen.set(key, index);
    return undefined;
  });
}
