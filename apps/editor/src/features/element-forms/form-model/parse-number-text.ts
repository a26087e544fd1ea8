/**
 * Reads what a person typed into a number field: empty, a number, or not (yet) one
 * ("-", "1e", "1,5"). Integers must be whole. Surrounding spaces are ignored.
 */
export function parseNumberText(text: string, integer: boolean): { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return { kind: 'invalid', message: integer ? 'Enter a whole number' : 'Enter a number' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { kind: 'invalid', message: 'Enter a number' };
  if (integer && !Number.isInteger(value)) return { kind: 'invalid', message: 'Enter a whole number' };
  return { kind: 'number', value };
}
