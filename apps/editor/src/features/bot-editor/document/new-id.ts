const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A fresh id for a dialog, element or edge: `prefix` + '-' + 8 random base-36 characters
 * (fits elementIdSchema: letters, digits, '-' and '_', at most 64). `taken` are ids already
 * in the flow; a collision (1 in 2.8e12) is simply drawn again.
 */
export function newId(prefix: string, taken: ReadonlySet<string> = new Set()): string {
  const safePrefix = prefix.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'id';
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    const id = `${safePrefix}-${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')}`;
    if (!taken.has(id)) return id;
  }
}
