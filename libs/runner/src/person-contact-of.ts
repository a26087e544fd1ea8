import { normalizePersonContact, type PersonContact } from '@parley/db';

/**
 * The Customer Profiles contact that identifies the end user of a session: their
 * channel address read as a phone number, else an email address, else an opaque
 * external id (for channels whose addresses are neither). Null when none fits.
 */
export function personContactOf(address: string): PersonContact | null {
  return (
    normalizePersonContact({ type: 'phone', value: address }) ??
    normalizePersonContact({ type: 'email', value: address }) ??
    normalizePersonContact({ type: 'external-id', value: address })
  );
}
