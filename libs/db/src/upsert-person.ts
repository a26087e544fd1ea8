import type { Tx } from './create-db';
import { findPersonByContact } from './find-person-by-contact';
import type { Person } from './generated/client';
import { lockPerson } from './lock-person';
import { normalizePersonContactValue, personContactColumn, type PersonContact } from './person-contact-schema';
import { toJsonInput } from './to-json-input';

/**
 * Person fields to set. Undefined leaves a field as it is; null or a blank string clears
 * it (except the column the contact is matched on, which is never cleared). Names are
 * trimmed; email and phone are normalized like contacts. `attributes` are merged key by
 * key into Person.attributes (custom profile attributes; any JSON values).
 */
export type PersonFieldsInput = {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  attributes?: Readonly<Record<string, unknown>>;
};

export type UpsertPersonInput = {
  workspaceId: string;
  /** Normalized (normalizePersonContact); identifies the person, and is stored on a new one. */
  contact: PersonContact;
  fields: PersonFieldsInput;
};

/**
 * - created / updated: the person as stored now;
 * - invalid-value: `field` is not a valid email / phone number (nothing was written);
 * - conflict: another person of the workspace already has this email / phone number
 *   (contacts are unique per workspace; nothing was written).
 */
export type UpsertPersonResult =
  | { kind: 'created'; person: Person }
  | { kind: 'updated'; person: Person }
  | { kind: 'invalid-value'; field: 'email' | 'phone' }
  | { kind: 'conflict'; field: 'email' | 'phone' };

/**
 * Creates the person with `contact` if the workspace has none, then applies `fields`.
 * Safe against concurrent creation of the same contact (INSERT ... ON CONFLICT DO
 * NOTHING, then read); the person row is locked for the rest of the transaction.
 * A conflict found by the pre-check never reaches the database, so it does not abort the
 * caller's transaction (only a race with another transaction setting the same value can).
 */
export async function upsertPerson(tx: Tx, input: UpsertPersonInput): Promise<UpsertPersonResult> {
  const { workspaceId, contact, fields } = input;
  const contactColumn = personContactColumn(contact.type);
  const identifiers: { field: 'email' | 'phone'; value: string | null }[] = [];
  for (const field of ['email', 'phone'] as const) {
    const raw = fields[field];
    if (raw === undefined) continue;
    const blank = raw === null || raw.trim() === '';
    const value = blank ? null : normalizePersonContactValue(field, raw);
    if (!blank && value === null) return { kind: 'invalid-value', field };
    // The identifying column is never cleared (the person would lose its contact).
    if (value === null && field === contactColumn) continue;
    identifiers.push({ field, value });
  }

  const existing = await findPersonByContact(tx, workspaceId, contact);
  for (const { field, value } of identifiers) {
    if (value === null) continue;
    const holder = await findPersonByContact(tx, workspaceId, { type: field, value });
    if (holder !== null && holder.id !== existing?.id) return { kind: 'conflict', field };
  }

  let created = false;
  if (existing === null) {
    const inserted = await tx.person.createMany({ data: [{ workspaceId, ...contactData(contact) }], skipDuplicates: true });
    created = inserted.count === 1;
  }
  const found = existing ?? (await findPersonByContact(tx, workspaceId, contact));
  if (found === null) throw new Error(`Person with ${contact.type} contact vanished while being created`);
  const person = await lockPerson(tx, found.id);
  if (person === null) throw new Error(`Person ${found.id} vanished while being updated`);

  const data: {
    firstName?: string | null;
    lastName?: string | null;
    email?: string | null;
    phone?: string | null;
    attributes?: ReturnType<typeof toJsonInput>;
  } = {};
  if (fields.firstName !== undefined) data.firstName = blankToNull(fields.firstName);
  if (fields.lastName !== undefined) data.lastName = blankToNull(fields.lastName);
  for (const { field, value } of identifiers) data[field] = value;
  if (fields.attributes !== undefined && Object.keys(fields.attributes).length > 0) {
    data.attributes = toJsonInput({ ...jsonObject(person.attributes), ...fields.attributes });
  }
  const updated = Object.keys(data).length === 0 ? person : await tx.person.update({ where: { id: person.id }, data });
  return created ? { kind: 'created', person: updated } : { kind: 'updated', person: updated };
}

function contactData(contact: PersonContact): { phone: string } | { email: string } | { externalId: string } {
  switch (personContactColumn(contact.type)) {
    case 'phone':
      return { phone: contact.value };
    case 'email':
      return { email: contact.value };
    case 'externalId':
      return { externalId: contact.value };
  }
}

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function jsonObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value));
}
