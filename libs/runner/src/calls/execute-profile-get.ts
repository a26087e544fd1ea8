import { findPersonByContact, type Person, type Tx } from '@parley/db';
import { attributeValueSchema, type AttributeValue, type Call, type ProfileField } from '@parley/elements';
import type { CallContext, CallResult } from './call-executor';
import { profileCallFailure } from './profile-call-failure';
import { resolveProfileContact } from './resolve-profile-contact';

/**
 * `profile.get`: the requested fields of the person with the contact, in order
 * (`values[i]` for `fields[i]`, null when unset). Failures: InvalidContact, NotFound.
 * Result: profileGetResultSchema.
 */
export async function executeProfileGet(tx: Tx, ctx: CallContext, call: Extract<Call, { name: 'profile.get' }>): Promise<CallResult> {
  const resolved = resolveProfileContact(call.contact);
  if ('failure' in resolved) return resolved.failure;
  const person = await findPersonByContact(tx, ctx.workspaceId, resolved.contact);
  if (person === null) return profileCallFailure('NotFound', `No person has the ${call.contact.type} contact "${call.contact.value}".`);
  return { ok: true, result: { values: call.fields.map((field) => readField(person, field)) } };
}

function readField(person: Person, field: ProfileField): AttributeValue {
  if (typeof field === 'string') return person[field];
  const attributes = person.attributes;
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes) || !Object.hasOwn(attributes, field.custom)) {
    return null;
  }
  const parsed = attributeValueSchema.safeParse(Reflect.get(attributes, field.custom));
  return parsed.success ? parsed.data : null;
}
