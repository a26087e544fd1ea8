import { describe, expect, it } from 'vitest';
import { orderSides, parseSide, sideName, sideValue } from './compare-side';

describe('compare sides', () => {
  it('puts the older side first, the draft last', () => {
    expect(orderSides('draft', 2)).toEqual({ a: 2, b: 'draft' });
    expect(orderSides(5, 3)).toEqual({ a: 3, b: 5 });
    expect(orderSides(1, 4)).toEqual({ a: 1, b: 4 });
  });

  it('round-trips select values', () => {
    expect(parseSide(sideValue('draft'))).toBe('draft');
    expect(parseSide(sideValue(12))).toBe(12);
    expect(parseSide('v0')).toBeUndefined();
    expect(parseSide('x')).toBeUndefined();
  });

  it('names sides', () => {
    expect(sideName('draft')).toBe('the draft');
    expect(sideName(3)).toBe('version 3');
  });
});
