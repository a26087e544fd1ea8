/**
 * An audit entry's details as short `key: value` pairs for a table cell (nested
 * values as compact JSON); nothing for an empty object.
 */
export function describeAuditDetails(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details !== 'object' || Array.isArray(details)) return JSON.stringify(details);
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
