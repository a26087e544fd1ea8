import { recordCustomEvent, upsertPerson, type Tx } from '@parley/db';
import type { Call } from '@parley/elements';
import type { CallContext, CallResult } from './call-executor';
import { profileCallFailure } from './profile-call-failure';
import { resolveProfileContact } from './resolve-profile-contact';

/**
 * `profile.event`: records the custom event (occurredAt = the turn's time) on the person
 * with the contact, creating the person when the workspace has none (so no event is
 * lost). Failures: InvalidContact. Result: profileEventResultSchema.
 */
export async function executeProfileEvent(tx: Tx, ctx: CallContext, call: Extract<Call, { name: 'profile.event' }>): Promise<CallResult> {
  const resolved = resolveProfileContact(call.contact);
  if ('failure' in resolved) return resolved.failure;
  const person = await upsertPerson(tx, { workspaceId: ctx.workspaceId, contact: resolved.contact, fields: {} });
  if (person.kind === 'invalid-value' || person.kind === 'conflict') {
    return profileCallFailure('Error', `The person could not be created (${person.kind}: ${person.field}).`);
  }
  await recordCustomEvent(tx, {
    workspaceId: ctx.workspaceId,
    personId: person.person.id,
    name: call.event,
    properties: call.properties,
    occurredAt: new Date(ctx.now),
  });
  return { ok: true, result: { personCreated: person.kind === 'created' } };
}
