/**
 * A copy of `list` with the item at `from` moved to `to` (clamped to the list); the same
 * list when nothing moves.
 */
export function moveItem<T>(list: readonly T[], from: number, to: number): readonly T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  const item = list[from];
  if (item === undefined || from === target) return list;
  const next = list.filter((_, index) => index !== from);
  next.splice(target, 0, item);
  return next;
}
