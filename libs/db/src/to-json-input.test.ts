import { describe, expect, it } from 'vitest';
import { toJsonInput } from './to-json-input';

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
});
