import { describe, expect, it } from 'vitest';
import { callSchema } from './call-schema';

describe('callSchema', () => {
  it('accepts the calls it lists, discriminated on name', () => {
    expect(callSchema.safeParse({ name: 'analytics.event', type: 'csat.answered', payload: { score: 5 } }).success).toBe(true);
    expect(callSchema.safeParse({ name: 'handoff', tags: [] }).success).toBe(true);
    expect(callSchema.safeParse({ name: 'handoff', queue: 'Billing', tags: ['vip'], message: 'note' }).success).toBe(true);
    expect(callSchema.safeParse({ name: 'teleport' }).success).toBe(false);
    expect(callSchema.safeParse({ name: 'analytics.event', type: '', payload: null }).success).toBe(false);
  });
});
