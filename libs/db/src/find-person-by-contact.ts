import type { Tx } from './create-db';
import type { Person } from './generated/client';
import { assertNormalizedContact, personContactColumn, type PersonContact } from './person-contact-schema';

/**
 * The workspace's person with this contact, or null. `contact` must be normalized
 * (normalizePersonContact); a value that is not throws a TypeError.
 */
export async function findPersonByContact(tx: Tx, workspaceId: string, contact: PersonContact): Promise<Person | null> {
  assertNormalizedContact(contact);
  switch (personContactColumn(contact.type)) {
    case 'phone':
      return tx.person.findUnique({ where: { workspaceId_phone: { workspaceId, phone: contact.value } } });
    case 'email':
      return tx.person.findUnique({ where: { workspaceId_email: { workspaceId, email: contact.value } } });
    case 'externalId':
      return tx.person.findUnique({ where: { workspaceId_externalId: { workspaceId, externalId: contact.value } } });
  }
}
