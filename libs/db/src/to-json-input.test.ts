import { describe, expect, it } from 'vitest';
import { toJsonInput, toJsonText } from './to-json-input';

describe('toJsonInput', () => {
  it('keeps JSON values and applies JSON.stringify semantics', () => {
    expect(toJsonInput({ a: 1, b: [true, null, 'x'], c: { d: undefined } })).toEqual({ a: 1, b: [true, null, 'x'], c: {} });
    expect(toJsonInput({ at: new Date(0) })).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    expect(toJsonInput('text')).toBe('text');
  });

  it('refuses what a NOT NULL Json column cannot hold', () => {
    expect(() => toJsonInput(undefined)).toThrow(TypeError);
    expect(() => toJsonInput(null)).toThrow(TypeError);
    expect(() => toJsonInput(() => 1)).toThrow(TypeError);
    expect(() => toJsonInput({ n: 1n })).toThrow(TypeError);
  });

  it('toJsonText is the text of the same value, with the same refusals', () => {
    for (const value of [{ a: 1, b: [true, null, 'x'], c: { d: undefined } }, { at: new Date(0) }, 'text', [1e21, -0, 'é\u0000']]) {
      expect(JSON.parse(toJsonText(value))).toEqual(toJsonInput(value));
    }
    expect(toJsonText({ c: { d: undefined }, at: new Date(0) })).toBe('{"c":{},"at":"1970-01-01T00:00:00.000Z"}');
    for (const value of [undefined, null, () => 1, { n: 1n }]) expect(() => toJsonText(value)).toThrow(TypeError);
  });
});
