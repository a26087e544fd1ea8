import { describe, expect, it } from 'vitest';
import { parseSeq } from './webchat-events-route';

describe('parseSeq (Last-Event-ID)', () => {
  it('accepts a message seq up to the bigint range and nothing else', () => {
    expect(parseSeq('42')).toBe(42n);
    expect(parseSeq('9223372036854775807')).toBe(9223372036854775807n);
    for (const bad of ['9223372036854775808', '9999999999999999999', '-1', '1e3', '', 'abc', undefined]) expect(parseSeq(bad), String(bad)).toBeUndefined();
  });
});
