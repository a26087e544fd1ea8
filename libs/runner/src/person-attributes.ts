import { findPersonByContact, upsertPerson, type Tx } from '@parley/db';
import type { Flow } from '@parley/engine';
import type { AttributeValue } from '@parley/elements';
import { personContactOf } from './person-contact-of';

/**
 * Person-scoped attributes outlive sessions: they are stored on the end user's
 * person profile (Person.attributes, by name) and handed to the engine when a new
 * session starts. Session-scoped attributes never leave the session.
 */
export function personScopedNames(flow: Flow): Set<string> {
  return new Set(flow.attributes.filter((declaration) => declaration.scope === 'person').map((declaration) => declaration.name));
}

/** The remembered person-scoped values for this end user, or undefined when there are none. */
export async function loadPersonAttributes(
  tx: Tx,
  flow: Flow,
  workspaceId: string,
  address: string,
): Promise<Record<string, AttributeValue> | undefined> {
  const names = personScopedNames(flow);
  const contact = personContactOf(address);
  if (names.size === 0 || contact === null) return undefined;
  const person = await findPersonByContact(tx, workspaceId, contact);
  const stored: unknown = person?.attributes;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
  const values: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(stored)) {
    if (names.has(name) && isJsonValue(value)) values[name] = value;
  }
  return values;
}

/** Saves the changed person-scoped values on the end user's profile (creating it if needed). */
export async function savePersonAttributes(
  tx: Tx,
  flow: Flow,
  workspaceId: string,
  address: string,
  changes: readonly { name: string; value: AttributeValue }[],
): Promise<void> {
  const names = personScopedNames(flow);
  const changed = changes.filter((change) => names.has(change.name));
  const contact = personContactOf(address);
  if (changed.length === 0 || contact === null) return;
  await upsertPerson(tx, {
    workspaceId,
    contact,
    fields: { attributes: Object.fromEntries(changed.map((change) => [change.name, change.value])) },
  });
}

function isJsonValue(value: unknown): value is AttributeValue {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint';
}
