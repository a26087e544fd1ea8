/**
 * Picks one of `items` uniformly with `random` (expected in [0, 1)). Calls `random`
 * exactly once when there is a choice and never when there is one item, so a flow's
 * random sequence only advances on real choices. Out-of-range or NaN draws are clamped.
 */
export function pickRandom<T>(items: readonly [T, ...T[]], random: () => number): T {
  if (items.length === 1) return items[0];
  const index = Math.floor(random() * items.length);
  const clamped = Number.isFinite(index) ? Math.min(Math.max(index, 0), items.length - 1) : 0;
  return items[clamped] ?? items[0];
}
