/**
 * An email address as Parley compares and stores it for invitations: trimmed and
 * lower-cased (so 'Ann@Example.com ' and 'ann@example.com' are one address).
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
