import { findPersonByContact, updatePersonTags, upsertPerson, type Person, type Tx } from '@parley/db';
import type { Call } from '@parley/elements';
import type { CallContext, CallResult } from './call-executor';
import { profileCallFailure } from './profile-call-failure';
import { resolveProfileContact } from './resolve-profile-contact';

/**
 * `profile.tags` on the person with the contact:
 * - add: adds the tags (new names create tags), creating the person when there is none;
 * - remove: removes them (absent tags are ignored);
 * - get: changes nothing.
 * Result (profileTagsResultSchema): the person's tags afterwards and whether every tag of
 * the call is among them. Failures: InvalidContact; NotFound (remove, get) when no
 * person has the contact.
 */
export async function executeProfileTags(tx: Tx, ctx: CallContext, call: Extract<Call, { name: 'profile.tags' }>): Promise<CallResult> {
  const resolved = resolveProfileContact(call.contact);
  if ('failure' in resolved) return resolved.failure;

  let person: Person | null;
  if (call.action === 'add') {
    const upserted = await upsertPerson(tx, { workspaceId: ctx.workspaceId, contact: resolved.contact, fields: {} });
    if (upserted.kind === 'invalid-value' || upserted.kind === 'conflict') {
      return profileCallFailure('Error', `The person could not be created (${upserted.kind}: ${upserted.field}).`);
    }
    person = await updatePersonTags(tx, upserted.person.id, { add: call.tags });
  } else {
    person = await findPersonByContact(tx, ctx.workspaceId, resolved.contact);
    if (person === null) return profileCallFailure('NotFound', `No person has the ${call.contact.type} contact "${call.contact.value}".`);
    if (call.action === 'remove') person = await updatePersonTags(tx, person.id, { remove: call.tags });
  }
  const tags = person.tags;
  return { ok: true, result: { tags, allPresent: call.tags.every((tag) => tags.includes(tag)) } };
}
