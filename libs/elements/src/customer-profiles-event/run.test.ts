import { describe, expect, it } from 'vitest';
import { callSchema } from '../calls/call-schema';
import { elementOutcomeSchema } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import { customerProfilesEventElement } from './index';
import { customerProfilesEventAttributeRefs, resumeCustomerProfilesEvent, runCustomerProfilesEvent, validateCustomerProfilesEvent } from './run';
import { customerProfilesEventSchema, type CustomerProfilesEvent } from './schema';

const element: CustomerProfilesEvent = {
  id: 'event',
  type: 'customer-profiles-event',
  contactAttribute: 'customerContact',
  contactType: 'email',
  event: 'order_tracked',
  properties: [
    { attribute: 'orderNumber', property: 'orderId' },
    { attribute: 'order', property: 'details' },
    { attribute: 'unset', property: 'missing' },
  ],
};

describe('customer-profiles-event', () => {
  it('emits profile.event with the contact and the set attributes as properties, and waits for the result', () => {
    const outcome = runCustomerProfilesEvent(
      element,
      testContext({ attributes: { customerContact: 'ana@example.com', orderNumber: 'A-17', order: { total: 3.5 } } }),
    );
    expect(outcome).toEqual({
      kind: 'wait',
      waitFor: { kind: 'call.result' },
      effects: [
        {
          type: 'call',
          call: {
            name: 'profile.event',
            contact: { type: 'email', value: 'ana@example.com' },
            event: 'order_tracked',
            properties: { orderId: 'A-17', details: { total: 3.5 } },
          },
        },
      ],
      attributes: {},
    });
    expect(elementOutcomeSchema.safeParse(outcome).success).toBe(true);
    const effect = outcome.effects[0];
    expect(effect?.type === 'call' && callSchema.safeParse(effect.call).success).toBe(true);
  });

  it('continues through next whatever the result', () => {
    const events: ResumeEvent[] = [
      { type: 'call.result', ok: true, result: { personCreated: true } },
      { type: 'call.result', ok: false, error: { code: 'InvalidContact', message: 'empty' } },
      { type: 'timeout' },
    ];
    for (const event of events) {
      expect(resumeCustomerProfilesEvent(element, { kind: 'call.result' }, event, testContext())).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: {} });
    }
    expect(customerProfilesEventElement.ports(element)).toEqual(['next']);
  });

  it('reads the contact attribute and the mapped attributes', () => {
    expect(customerProfilesEventAttributeRefs(element).map(({ name, access, path }) => ({ name, access, path }))).toEqual([
      { name: 'customerContact', access: 'read', path: ['contactAttribute'] },
      { name: 'orderNumber', access: 'read', path: ['properties', 0, 'attribute'] },
      { name: 'order', access: 'read', path: ['properties', 1, 'attribute'] },
      { name: 'unset', access: 'read', path: ['properties', 2, 'attribute'] },
    ]);
  });

  it('requires the contact attribute type to match the contact type', () => {
    const context = (type: 'text' | 'email' | 'phone' | 'boolean'): ValidationContext => ({
      declarations: { customerContact: { name: 'customerContact', type, scope: 'session' } },
      dialogs: [],
      components: [],
      isInbound: () => false,
      scope: { kind: 'bot' },
    });
    expect(validateCustomerProfilesEvent(element, context('email'))).toEqual([]);
    expect(validateCustomerProfilesEvent(element, context('text'))).toEqual([]);
    expect(validateCustomerProfilesEvent(element, context('phone'))).toEqual([expect.objectContaining({ field: 'contactType', rule: 'type-mismatch' })]);
    expect(validateCustomerProfilesEvent({ ...element, contactType: 'phone' }, context('phone'))).toEqual([]);
    expect(validateCustomerProfilesEvent({ ...element, contactType: 'external-id' }, context('boolean'))).toHaveLength(1);
  });

  it('enforces the schema: contact type, event name, up to 50 distinct property mappings', () => {
    const ok = (patch: Record<string, unknown>): boolean => customerProfilesEventSchema.safeParse({ ...element, ...patch }).success;
    expect(ok({})).toBe(true);
    expect(ok({ properties: undefined })).toBe(true);
    expect(ok({ contactType: undefined })).toBe(false);
    expect(ok({ contactType: 'fax' })).toBe(false);
    expect(ok({ contactAttribute: undefined })).toBe(false);
    expect(ok({ event: '' })).toBe(false);
    expect(ok({ event: 'x'.repeat(100) })).toBe(true);
    expect(ok({ event: 'x'.repeat(101) })).toBe(false);
    expect(ok({ event: '1st' })).toBe(false);
    expect(ok({ event: 'checkout.completed-v2' })).toBe(true);
    expect(ok({ properties: Array.from({ length: 50 }, (_, index) => ({ attribute: 'a', property: `p${index}` })) })).toBe(true);
    expect(ok({ properties: Array.from({ length: 51 }, (_, index) => ({ attribute: 'a', property: `p${index}` })) })).toBe(false);
    expect(ok({ properties: [{ attribute: 'a', property: 'p' }, { attribute: 'b', property: 'p' }] })).toBe(false);
    expect(ok({ properties: [{ attribute: 'a', property: 'bad name' }] })).toBe(false);
  });
});
