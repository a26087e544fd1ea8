import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format-date-time';

describe('formatDateTime', () => {
  it('renders an ISO timestamp in UTC', () => {
    expect(formatDateTime('2026-03-05T14:07:09.000Z')).toBe('5 Mar 2026, 14:07 UTC');
  });

  it('returns input that is not a date unchanged', () => {
    expect(formatDateTime('whenever')).toBe('whenever');
  });
});
