import { describe, expect, it } from 'vitest';
import { defaultValueText, parseDefaultValue } from './default-value-text';

describe('default values', () => {
  it('reads typed text as the type stores it', () => {
    expect(parseDefaultValue('number', '42')).toEqual({ ok: true, value: 42 });
    expect(parseDefaultValue('boolean', 'yes')).toEqual({ ok: true, value: true });
    expect(parseDefaultValue('list', '["a","b"]')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(parseDefaultValue('text', ' free ')).toEqual({ ok: true, value: ' free ' });
    expect(parseDefaultValue('number', '  ')).toEqual({ ok: true, value: undefined });
    expect(parseDefaultValue('text', '')).toEqual({ ok: true, value: undefined });
  });

  it('refuses values that do not fit, naming the field', () => {
    const parsed = parseDefaultValue('number', 'twelve');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^Default value is not a number/);
    expect(parseDefaultValue('email', 'nope')).toMatchObject({ ok: false, message: expect.stringMatching(/^Default value is not a valid email/) });
  });

  it('shows stored values as text', () => {
    expect(defaultValueText(undefined)).toBe('');
    expect(defaultValueText('free')).toBe('free');
    expect(defaultValueText(42)).toBe('42');
    expect(defaultValueText(['a'])).toBe('["a"]');
  });
});
