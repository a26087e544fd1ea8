import { upsertPerson, type PersonFieldsInput, type Tx } from '@parley/db';
import type { AttributeValue, Call } from '@parley/elements';
import type { CallContext, CallResult } from './call-executor';
import { coerceProfileValue } from './coerce-profile-value';
import { profileCallFailure } from './profile-call-failure';
import { resolveProfileContact } from './resolve-profile-contact';

/**
 * `profile.upsert`: creates the person with the contact if the workspace has none, then
 * sets each mapped field (values coerced by coerceProfileValue; custom attributes merged
 * into Person.attributes). All or nothing: any failure writes nothing. Failures:
 * InvalidContact, InvalidValue (a value does not fit its field, or a malformed email /
 * phone number), Conflict (another person has that email / phone number).
 * Result: profileUpsertResultSchema.
 */
export async function executeProfileUpsert(tx: Tx, ctx: CallContext, call: Extract<Call, { name: 'profile.upsert' }>): Promise<CallResult> {
  const resolved = resolveProfileContact(call.contact);
  if ('failure' in resolved) return resolved.failure;

  const fields: PersonFieldsInput = {};
  const attributes: Record<string, AttributeValue> = {};
  for (const { field, value } of call.values) {
    const coerced = coerceProfileValue(field, value);
    if (!coerced.ok) return profileCallFailure('InvalidValue', coerced.message);
    if (typeof field !== 'string') {
      attributes[field.custom] = coerced.value;
    } else if (coerced.value === null || typeof coerced.value === 'string') {
      fields[field] = coerced.value;
    }
  }
  if (Object.keys(attributes).length > 0) fields.attributes = attributes;

  const outcome = await upsertPerson(tx, { workspaceId: ctx.workspaceId, contact: resolved.contact, fields });
  switch (outcome.kind) {
    case 'created':
    case 'updated':
      return { ok: true, result: { created: outcome.kind === 'created' } };
    case 'invalid-value':
      return profileCallFailure('InvalidValue', `The ${outcome.field} to store is not valid.`);
    case 'conflict':
      return profileCallFailure('Conflict', `Another person already has this ${outcome.field}.`);
  }
}
