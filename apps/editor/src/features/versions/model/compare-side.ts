/** One side of a comparison: the open draft, or a published version by number. */
export type CompareSide = 'draft' | number;

/** The draft is newer than every version; versions are ordered by number. */
function age(side: CompareSide): number {
  return side === 'draft' ? Number.POSITIVE_INFINITY : side;
}

/** The two sides with the older first (A) and the newer second (B). */
export function orderSides(first: CompareSide, second: CompareSide): { a: CompareSide; b: CompareSide } {
  return age(first) <= age(second) ? { a: first, b: second } : { a: second, b: first };
}

/** The value a select option carries for a side ('draft', 'v3'). */
export function sideValue(side: CompareSide): string {
  return side === 'draft' ? 'draft' : `v${side}`;
}

/** The side a select value stands for; undefined for anything else. */
export function parseSide(value: string): CompareSide | undefined {
  if (value === 'draft') return 'draft';
  const match = /^v([1-9][0-9]*)$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** "the draft" / "version 3". */
export function sideName(side: CompareSide): string {
  return side === 'draft' ? 'the draft' : `version ${side}`;
}
