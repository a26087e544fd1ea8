import { describe, expect, it } from 'vitest';
import { describeAuditDetails } from './describe-audit-details';

describe('describeAuditDetails', () => {
  it('lists keys and values', () => {
    expect(describeAuditDetails({ secret: 'webhookSecret', channel: 'Support' })).toBe('secret: webhookSecret, channel: Support');
    expect(describeAuditDetails({ from: 'agent', to: 'builder', n: 2, nested: { a: 1 } })).toBe('from: agent, to: builder, n: 2, nested: {"a":1}');
  });

  it('shows nothing for no details', () => {
    expect(describeAuditDetails({})).toBe('');
    expect(describeAuditDetails(null)).toBe('');
    expect(describeAuditDetails(['x'])).toBe('["x"]');
  });
});
