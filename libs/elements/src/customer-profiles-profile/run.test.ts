import { describe, expect, it } from 'vitest';
import type { AttributeDeclaration, AttributeType } from '../attribute-declaration-schema';
import { callSchema } from '../calls/call-schema';
import { elementOutcomeSchema } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import { customerProfilesProfileElement } from './index';
import { profileTypesCompatible } from './profile-types-compatible';
import { detectContactType, readProfileContact } from './read-profile-contact';
import {
  customerProfilesProfileAttributeRefs,
  resumeCustomerProfilesProfile,
  runCustomerProfilesProfile,
  validateCustomerProfilesProfile,
} from './run';
import { customerProfilesProfileSchema, type CustomerProfilesProfile } from './schema';

const get: CustomerProfilesProfile = customerProfilesProfileSchema.parse({
  id: 'profile',
  type: 'customer-profiles-profile',
  action: 'get',
  mappings: [
    { attribute: 'firstName', field: 'firstName' },
    { attribute: 'email', field: 'email' },
    { attribute: 'tier', field: { custom: 'tier', type: 'text' } },
  ],
});
const update: CustomerProfilesProfile = { ...get, action: 'create-or-update' };
const attributes = { endUserDestination: '+385 91 555 0101', firstName: 'Ana', tier: null, email: 'ana@example.com' };
const waitForResult = { kind: 'call.result' } as const;

describe('customer-profiles-profile run', () => {
  it('get: asks for the mapped fields of the person with endUserDestination and waits', () => {
    const outcome = runCustomerProfilesProfile(get, testContext({ attributes }));
    expect(outcome).toEqual({
      kind: 'wait',
      waitFor: { kind: 'call.result' },
      effects: [
        {
          type: 'call',
          call: {
            name: 'profile.get',
            contact: { type: 'phone', value: '+385 91 555 0101' },
            fields: ['firstName', 'email', { custom: 'tier', type: 'text' }],
          },
        },
      ],
      attributes: {},
    });
    expect(elementOutcomeSchema.safeParse(outcome).success).toBe(true);
    const effect = outcome.effects[0];
    expect(effect?.type === 'call' && callSchema.safeParse(effect.call).success).toBe(true);
  });

  it('get: writes the returned values to the mapped attributes, skipping nulls', () => {
    const event: ResumeEvent = { type: 'call.result', ok: true, result: { values: ['Ana', null, 'gold'] } };
    expect(resumeCustomerProfilesProfile(get, waitForResult, event, testContext())).toEqual({
      kind: 'continue',
      port: 'next',
      effects: [],
      attributes: { firstName: 'Ana', tier: 'gold' },
    });
  });

  it('get: a failed call or a malformed result writes nothing and continues', () => {
    const notFound: ResumeEvent = { type: 'call.result', ok: false, error: { code: 'NotFound', message: 'no person' } };
    const malformed: ResumeEvent = { type: 'call.result', ok: true, result: { rows: [] } };
    for (const event of [notFound, malformed]) {
      expect(resumeCustomerProfilesProfile(get, waitForResult, event, testContext())).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: {} });
    }
  });

  it('create-or-update: sends the set attributes (null included, unset left out)', () => {
    const outcome = runCustomerProfilesProfile({ ...update, contactAttribute: 'contact', contactType: 'external-id' }, testContext({ attributes: { contact: 'tg-42', firstName: 'Ana', tier: null } }));
    expect(outcome.effects).toEqual([
      {
        type: 'call',
        call: {
          name: 'profile.upsert',
          contact: { type: 'external-id', value: 'tg-42' },
          values: [
            { field: 'firstName', value: 'Ana' },
            { field: { custom: 'tier', type: 'text' }, value: null },
          ],
        },
      },
    ]);
    const done = resumeCustomerProfilesProfile(update, waitForResult, { type: 'call.result', ok: true, result: { created: true } }, testContext());
    expect(done).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: {} });
  });

  it('reads the contact attribute (default endUserDestination) and reads or writes the mapped ones', () => {
    expect(get.contactAttribute).toBe('endUserDestination');
    expect(customerProfilesProfileElement.ports(get)).toEqual(['next']);
    const refs = (element: CustomerProfilesProfile) => customerProfilesProfileAttributeRefs(element).map(({ name, access, path }) => ({ name, access, path }));
    expect(refs(get)).toEqual([
      { name: 'endUserDestination', access: 'read', path: ['contactAttribute'] },
      { name: 'firstName', access: 'write', path: ['mappings', 0, 'attribute'] },
      { name: 'email', access: 'write', path: ['mappings', 1, 'attribute'] },
      { name: 'tier', access: 'write', path: ['mappings', 2, 'attribute'] },
    ]);
    expect(refs(update).slice(1).every((ref) => ref.access === 'read')).toBe(true);
  });
});

describe('readProfileContact', () => {
  it('detects the contact type from the value unless one is configured', () => {
    expect(detectContactType(' Ana@Example.com ')).toBe('email');
    expect(detectContactType('+385 (91) 555-0101')).toBe('phone');
    expect(detectContactType('12345')).toBe('phone');
    expect(detectContactType('1234')).toBe('external-id');
    expect(detectContactType('1'.repeat(16))).toBe('external-id');
    expect(detectContactType('a1b2c3-uuid')).toBe('external-id');
    expect(detectContactType('')).toBe('external-id');
    expect(readProfileContact({ c: 385915550101 }, 'c', undefined)).toEqual({ type: 'phone', value: '385915550101' });
    expect(readProfileContact({ c: '12345' }, 'c', 'external-id')).toEqual({ type: 'external-id', value: '12345' });
    expect(readProfileContact({ c: { a: 1 } }, 'c', 'email')).toEqual({ type: 'email', value: '' });
    expect(readProfileContact({}, 'c', undefined)).toEqual({ type: 'external-id', value: '' });
  });
});

describe('customer-profiles-profile validation', () => {
  const declare = (entries: Record<string, AttributeType>): ValidationContext => ({
    declarations: Object.fromEntries(Object.entries(entries).map(([name, type]): [string, AttributeDeclaration] => [name, { name, type, scope: 'session' }])),
    dialogs: [],
    components: [],
    isInbound: () => false,
    scope: { kind: 'bot' },
  });

  it('follows the attribute mapping table in the direction of the copy', () => {
    expect(profileTypesCompatible('text', 'email')).toBe(true);
    expect(profileTypesCompatible('email', 'text')).toBe(true);
    expect(profileTypesCompatible('number', 'text')).toBe(true);
    expect(profileTypesCompatible('list', 'json')).toBe(true);
    expect(profileTypesCompatible('list', 'text')).toBe(false);
    expect(profileTypesCompatible('number', 'boolean')).toBe(false);
    expect(profileTypesCompatible('json', 'text')).toBe(false);
    expect(profileTypesCompatible('date', 'number')).toBe(false);
  });

  it('accepts compatible mappings and reports type mismatches and duplicates', () => {
    const types = declare({ firstName: 'text', email: 'email', tier: 'text', visits: 'number', flag: 'boolean' });
    expect(validateCustomerProfilesProfile(get, types)).toEqual([]);
    expect(validateCustomerProfilesProfile(update, types)).toEqual([]);
    const bad: CustomerProfilesProfile = {
      ...get,
      mappings: [
        { attribute: 'flag', field: 'email' },
        { attribute: 'visits', field: { custom: 'visits', type: 'number' } },
        { attribute: 'visits', field: { custom: 'visits', type: 'number' } },
      ],
    };
    expect(validateCustomerProfilesProfile(bad, types)).toEqual([
      expect.objectContaining({ field: 'mappings[0]', rule: 'type-mismatch' }),
      expect.objectContaining({ field: 'mappings[2].field', rule: 'duplicate-mapping' }),
      expect.objectContaining({ field: 'mappings[2].attribute', rule: 'duplicate-mapping' }),
    ]);
    // A list field into a text attribute does not fit when reading, a text attribute into a list field does not when saving.
    const listTypes = declare({ items: 'text' });
    const list: CustomerProfilesProfile = { ...get, mappings: [{ attribute: 'items', field: { custom: 'items', type: 'list' } }] };
    expect(validateCustomerProfilesProfile(list, listTypes).map((issue) => issue.rule)).toEqual(['type-mismatch']);
    expect(validateCustomerProfilesProfile({ ...list, action: 'create-or-update' }, listTypes).map((issue) => issue.rule)).toEqual(['type-mismatch']);
  });

  it('checks the contact attribute against an explicit contact type', () => {
    const types = declare({ contact: 'boolean', mail: 'email' });
    expect(validateCustomerProfilesProfile({ ...get, mappings: [], contactAttribute: 'contact', contactType: 'phone' }, types)).toEqual([
      expect.objectContaining({ field: 'contactType', rule: 'type-mismatch' }),
    ]);
    expect(validateCustomerProfilesProfile({ ...get, mappings: [], contactAttribute: 'mail', contactType: 'email' }, types)).toEqual([]);
    expect(validateCustomerProfilesProfile({ ...get, mappings: [], contactAttribute: 'mail', contactType: 'phone' }, types)).toHaveLength(1);
  });
});

describe('customer-profiles-profile schema', () => {
  const ok = (patch: Record<string, unknown>): boolean => customerProfilesProfileSchema.safeParse({ ...get, ...patch }).success;

  it('enforces actions, fields and limits', () => {
    expect(ok({ action: 'create-or-update' })).toBe(true);
    expect(ok({ action: 'delete' })).toBe(false);
    expect(ok({ contactType: 'email' })).toBe(true);
    expect(ok({ contactType: 'fax' })).toBe(false);
    expect(ok({ contactAttribute: '1bad' })).toBe(false);
    expect(ok({ mappings: [] })).toBe(true);
    expect(ok({ mappings: Array.from({ length: 50 }, (_, index) => ({ attribute: `a${index}`, field: { custom: `f${index}`, type: 'text' } })) })).toBe(true);
    expect(ok({ mappings: Array.from({ length: 51 }, (_, index) => ({ attribute: `a${index}`, field: { custom: `f${index}`, type: 'text' } })) })).toBe(false);
    expect(ok({ mappings: [{ attribute: 'a', field: 'middleName' }] })).toBe(false);
    expect(ok({ mappings: [{ attribute: 'a', field: { custom: 'x', type: 'json' } }] })).toBe(false);
    expect(ok({ mappings: [{ attribute: 'a', field: { custom: '1x', type: 'text' } }] })).toBe(false);
    expect(ok({ mappings: [{ attribute: 'a', field: { custom: 'x'.repeat(101), type: 'text' } }] })).toBe(false);
    expect(ok({ mappings: [{ attribute: 'a', field: 'email', extra: 1 }] })).toBe(false);
  });
});
