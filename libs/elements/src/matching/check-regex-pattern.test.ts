import { describe, expect, it } from 'vitest';
import { checkRegexPattern } from './check-regex-pattern';
import { validationRuleSchema } from './validation-rule-schema';

describe('checkRegexPattern', () => {
  it.each([
    ['^\\d{5}$'],
    ['^[A-Z]{2}\\d{6}$'],
    ['^(yes|no|maybe)$'],
    ['^(\\+|00)\\d{6,14}$'],
    ['^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$'],
    ['^(?=.*\\d)(?=.*[a-z]).{8,}$'],
    ['^(?<year>\\d{4})-\\d{2}$'],
    ['^([01]?\\d|2[0-3]):[0-5]\\d$'],
    ['order #?\\d+'],
  ])('accepts %s', (pattern) => {
    expect(checkRegexPattern(pattern)).toBeNull();
  });

  it.each([
    ['', 'the pattern is empty'],
    ['x'.repeat(1001), 'the pattern is too long (max 1000 characters)'],
    ['(abc', 'not a valid regular expression'],
    ['[z-a]', 'not a valid regular expression'],
    ['(a+)+$', 'a repetition inside a repetition'],
    ['^(\\w+\\s?)*$', 'a repetition inside a repetition'],
    ['^(.*)*$', 'a repetition inside a repetition'],
    ['(a|a)*$', 'alternatives inside * or +'],
    ['^(\\w|\\d)+$', 'alternatives inside * or +'],
    ['^(a|b|ab)*c$', 'alternatives inside * or +'],
    ['(?<=\\$)\\d+', 'syntax the backtracking check cannot read'],
  ])('refuses %s', (pattern, message) => {
    expect(checkRegexPattern(pattern)).toContain(message);
  });

  it('accepts the flags i, m, s and u only, each once', () => {
    expect(checkRegexPattern('^yes$', 'imsu')).toBeNull();
    expect(checkRegexPattern('^yes$', 'g')).toBe('unsupported flag "g" (allowed: i, m, s, u)');
    expect(checkRegexPattern('^yes$', 'y')).toBe('unsupported flag "y" (allowed: i, m, s, u)');
    expect(checkRegexPattern('^yes$', 'ii')).toBe('flag "i" is repeated');
    expect(checkRegexPattern('\\p{L}+', 'u')).toBeNull();
    expect(checkRegexPattern('\\p{Lx}', 'u')).toContain('not a valid regular expression');
  });
});

describe('validationRuleSchema', () => {
  it('reports an unusable pattern at the pattern field', () => {
    const result = validationRuleSchema.safeParse({ type: 'regex', pattern: '(a+)+' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['pattern'] });
    expect(result.error?.issues[0]?.message).toContain('catastrophic backtracking');
  });

  it('accepts predefined formats and safe patterns', () => {
    expect(validationRuleSchema.parse({ type: 'phone' })).toEqual({ type: 'phone' });
    expect(validationRuleSchema.parse({ type: 'regex', pattern: '^\\d{5}$', flags: 'i' })).toEqual({
      type: 'regex',
      pattern: '^\\d{5}$',
      flags: 'i',
    });
    expect(validationRuleSchema.safeParse({ type: 'zip' }).success).toBe(false);
  });
});
