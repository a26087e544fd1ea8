import { describe, expect, it } from 'vitest';
import { validateInput } from './validate-input';

describe('validateInput', () => {
  it.each([
    ['12345', { type: 'regex', pattern: '^\\d{5}$' }, { ok: true, value: '12345' }],
    ['  12345 ', { type: 'regex', pattern: '^\\d{5}$' }, { ok: true, value: '12345' }],
    ['my zip is 12345', { type: 'regex', pattern: '\\d{5}' }, { ok: true, value: 'my zip is 12345' }],
    ['AB123456', { type: 'regex', pattern: '^[a-z]{2}\\d{6}$', flags: 'i' }, { ok: true, value: 'AB123456' }],
    ['+1 (415) 555-2671', { type: 'phone' }, { ok: true, value: '+14155552671' }],
    [' Ana@Example.com ', { type: 'email' }, { ok: true, value: 'Ana@example.com' }],
    ['https://example.com/a', { type: 'url' }, { ok: true, value: 'https://example.com/a' }],
  ] as const)('accepts %j for %j', (text, rule, expected) => {
    expect(validateInput(text, rule)).toEqual(expected);
  });

  it.each([
    ['1234', { type: 'regex', pattern: '^\\d{5}$' }, 'does not match the required format /^\\d{5}$/'],
    ['ab123456', { type: 'regex', pattern: '^[A-Z]{2}\\d{6}$' }, 'does not match the required format'],
    ['4155552671', { type: 'phone' }, 'not a valid phone number (E.164 expected, e.g. +14155552671)'],
    ['ana@', { type: 'email' }, 'not a valid email address'],
    ['example.com', { type: 'url' }, 'not a valid URL'],
    ['aaaa', { type: 'regex', pattern: '(a+)+$' }, 'the validation pattern is unusable: the pattern risks catastrophic backtracking'],
    ['aaaa', { type: 'regex', pattern: '(a' }, 'the validation pattern is unusable: not a valid regular expression'],
    ['yes', { type: 'regex', pattern: 'yes', flags: 'g' }, 'the validation pattern is unusable: unsupported flag "g"'],
  ] as const)('refuses %j for %j', (text, rule, message) => {
    const result = validateInput(text, rule);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('refuses replies over 4096 characters before running any pattern', () => {
    expect(validateInput('1'.repeat(4097), { type: 'regex', pattern: '^\\d+$' })).toEqual({
      ok: false,
      message: 'the reply is too long to validate (max 4096 characters)',
    });
    expect(validateInput('1'.repeat(4096), { type: 'regex', pattern: '^\\d+$' }).ok).toBe(true);
  });

  it('gives the same answer on repeated use of a pattern (compiled once, stateless)', () => {
    const rule = { type: 'regex', pattern: '^\\d+$' } as const;
    for (let round = 0; round < 3; round++) {
      expect(validateInput('42', rule).ok).toBe(true);
      expect(validateInput('4x', rule).ok).toBe(false);
    }
  });

  it('stays fast on polynomial patterns at the length cap', () => {
    const text = `${'a'.repeat(4000)}!`;
    const result = validateInput(text, { type: 'regex', pattern: '^[a-z]+@[a-z]+\\.[a-z]{2,}$' });
    expect(result.ok).toBe(false);
  });
});
