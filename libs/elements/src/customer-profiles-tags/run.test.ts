import { describe, expect, it } from 'vitest';
import type { AttributeType } from '../attribute-declaration-schema';
import { callSchema } from '../calls/call-schema';
import { elementOutcomeSchema } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import { customerProfilesTagsElement } from './index';
import { customerProfilesTagsAttributeRefs, resumeCustomerProfilesTags, runCustomerProfilesTags, validateCustomerProfilesTags } from './run';
import { customerProfilesTagsSchema, type CustomerProfilesTags } from './schema';

const add: CustomerProfilesTags = customerProfilesTagsSchema.parse({ id: 'tags', type: 'customer-profiles-tags', action: 'add', tags: ['vip', 'newsletter'] });
const check: CustomerProfilesTags = { ...add, action: 'get', saveResultAs: 'isVip' };
const waitFor = { kind: 'call.result' } as const;
const result = (allPresent: boolean): ResumeEvent => ({ type: 'call.result', ok: true, result: { tags: ['vip'], allPresent } });

describe('customer-profiles-tags', () => {
  it.each(['add', 'remove', 'get'] as const)('%s: emits profile.tags for the endUserDestination contact and waits', (action) => {
    const element = action === 'get' ? check : { ...add, action };
    const outcome = runCustomerProfilesTags(element, testContext({ attributes: { endUserDestination: 'tg-42' } }));
    expect(outcome).toEqual({
      kind: 'wait',
      waitFor: { kind: 'call.result' },
      effects: [{ type: 'call', call: { name: 'profile.tags', action, contact: { type: 'external-id', value: 'tg-42' }, tags: ['vip', 'newsletter'] } }],
      attributes: {},
    });
    expect(elementOutcomeSchema.safeParse(outcome).success).toBe(true);
    const effect = outcome.effects[0];
    expect(effect?.type === 'call' && callSchema.safeParse(effect.call).success).toBe(true);
  });

  it('get: saves true only when every tag is present, false otherwise (also on failure)', () => {
    const resume = (event: ResumeEvent) => resumeCustomerProfilesTags(check, waitFor, event, testContext()).attributes;
    expect(resume(result(true))).toEqual({ isVip: true });
    expect(resume(result(false))).toEqual({ isVip: false });
    expect(resume({ type: 'call.result', ok: false, error: { code: 'NotFound', message: 'no person' } })).toEqual({ isVip: false });
    expect(resume({ type: 'call.result', ok: true, result: 'garbage' })).toEqual({ isVip: false });
  });

  it('add / remove: continue through next without touching attributes', () => {
    for (const action of ['add', 'remove'] as const) {
      expect(resumeCustomerProfilesTags({ ...add, action }, waitFor, result(true), testContext())).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: {} });
    }
    expect(customerProfilesTagsElement.ports(add)).toEqual(['next']);
  });

  it('reads the contact attribute and writes saveResultAs', () => {
    expect(customerProfilesTagsAttributeRefs(check).map(({ name, access, path }) => ({ name, access, path }))).toEqual([
      { name: 'endUserDestination', access: 'read', path: ['contactAttribute'] },
      { name: 'isVip', access: 'write', path: ['saveResultAs'] },
    ]);
  });

  it('requires a boolean-compatible result attribute', () => {
    const context = (type: AttributeType): ValidationContext => ({
      declarations: { isVip: { name: 'isVip', type, scope: 'session' } },
      dialogs: [],
      components: [],
      isInbound: () => false,
      scope: { kind: 'bot' },
    });
    expect(validateCustomerProfilesTags(check, context('boolean'))).toEqual([]);
    expect(validateCustomerProfilesTags(check, context('text'))).toEqual([]);
    expect(validateCustomerProfilesTags(check, context('number'))).toEqual([expect.objectContaining({ field: 'saveResultAs', rule: 'type-mismatch' })]);
  });

  it('enforces the schema: 1–20 distinct tags, saveResultAs exactly for get', () => {
    const ok = (patch: Record<string, unknown>): boolean => customerProfilesTagsSchema.safeParse({ ...add, ...patch }).success;
    expect(add.contactAttribute).toBe('endUserDestination');
    expect(ok({ tags: [] })).toBe(false);
    expect(ok({ tags: Array.from({ length: 20 }, (_, index) => `t${index}`) })).toBe(true);
    expect(ok({ tags: Array.from({ length: 21 }, (_, index) => `t${index}`) })).toBe(false);
    expect(ok({ tags: ['x'.repeat(100)] })).toBe(true);
    expect(ok({ tags: ['x'.repeat(101)] })).toBe(false);
    expect(ok({ tags: ['a', 'a'] })).toBe(false);
    expect(ok({ tags: [' a'] })).toBe(false);
    expect(ok({ action: 'get' })).toBe(false);
    expect(ok({ action: 'get', saveResultAs: 'isVip' })).toBe(true);
    expect(ok({ action: 'remove', saveResultAs: 'isVip' })).toBe(false);
    expect(ok({ action: 'rename' })).toBe(false);
    expect(ok({ contactAttribute: 'customerContact', contactType: 'phone' })).toBe(true);
  });
});
