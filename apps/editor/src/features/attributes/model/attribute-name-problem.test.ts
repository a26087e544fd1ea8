import { describe, expect, it } from 'vitest';
import { attributeNameProblem } from './attribute-name-problem';

describe('attributeNameProblem', () => {
  it('accepts identifiers that are free', () => {
    expect(attributeNameProblem('plan', ['email'])).toBeUndefined();
    expect(attributeNameProblem('_tier2', [])).toBeUndefined();
  });

  it('names the field in every refusal', () => {
    expect(attributeNameProblem('', [])).toBe('Name is required');
    expect(attributeNameProblem('2fast', [])).toBe('Name: Start with a letter or "_", then letters, digits or "_"');
    expect(attributeNameProblem('with space', [])).toBe('Name: Start with a letter or "_", then letters, digits or "_"');
    expect(attributeNameProblem('x'.repeat(65), [])).toBe('Name must be at most 64 characters');
    expect(attributeNameProblem('__proto__', [])).toBe('Name “__proto__” is reserved');
  });

  it('refuses built-in names and duplicates, naming the name', () => {
    expect(attributeNameProblem('channel', [])).toBe('Name “channel” is reserved: it is a built-in attribute');
    expect(attributeNameProblem('email', ['plan', 'email'])).toBe('An attribute named “email” already exists');
  });
});
