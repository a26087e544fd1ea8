/**
 * Which quick-reply labels repeat an earlier one, as the form says it while typing (the
 * schema's rule: distinct ignoring case and outer spaces, since a tapped button comes back
 * as its label); undefined where nothing is. Blank labels are left to validation.
 */
export function quickReplyProblems(labels: readonly string[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  return labels.map((label, index) => {
    const key = label.trim().toLowerCase();
    if (key === '') return undefined;
    const first = seen.get(key);
    if (first !== undefined) return `The label "${label.trim()}" is already used by quick reply ${first + 1}`;
    seen.set(key, index);
    return undefined;
  });
}
