import { describe, expect, it } from 'vitest';
import { attributeTypesCompatible } from './attribute-types-compatible';

describe('attributeTypesCompatible', () => {
  it('allows the same type, anything into json, scalars into text', () => {
    expect(attributeTypesCompatible('phone', 'phone')).toBe(true);
    expect(attributeTypesCompatible('list', 'json')).toBe(true);
    expect(attributeTypesCompatible('number', 'text')).toBe(true);
    expect(attributeTypesCompatible('date', 'text')).toBe(true);
  });

  it('refuses conversions that can fail', () => {
    expect(attributeTypesCompatible('text', 'number')).toBe(false);
    expect(attributeTypesCompatible('list', 'text')).toBe(false);
    expect(attributeTypesCompatible('json', 'list')).toBe(false);
    expect(attributeTypesCompatible('email', 'phone')).toBe(false);
  });
});
