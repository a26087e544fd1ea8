import { describe, expect, it } from 'vitest';
import { defaultElement, elementDefaults } from './element-defaults';
import { elementSchemas, elementTypes } from './registry';

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

describe('elementDefaults', () => {
  it('covers every element type, each under its own type', () => {
    expect(Object.keys(elementDefaults).sort()).toEqual([...elementTypes].sort());
    for (const type of elementTypes) expect(elementDefaults[type]().type).toBe(type);
  });

  it('returns a fresh object on every call (nothing shared between two new elements)', () => {
    for (const type of elementTypes) {
      const first = elementDefaults[type]();
      const second = elementDefaults[type]();
      expect(first).not.toBe(second);
      for (const [key, value] of Object.entries(first)) {
        if (typeof value === 'object' && value !== null) expect(Reflect.get(second, key)).not.toBe(value);
      }
    }
  });

  it('fails validation only where a person still has to write something (empty text or an empty list)', () => {
    for (const type of elementTypes) {
      const element = defaultElement(type, 'new-element');
      expect(element.id).toBe('new-element');
      const result = elementSchemas[type].safeParse(element);
      const issues = result.success ? [] : result.error.issues;
      for (const issue of issues) {
        const value = valueAt(element, issue.path);
        expect({ type, path: issue.path, empty: value === '' || (Array.isArray(value) && value.length === 0) }).toEqual({ type, path: issue.path, empty: true });
      }
    }
  });

  it('keeps the spec defaults: API timeout 10 s and no retry, CSAT repeat 1, profile contact endUserDestination', () => {
    expect(elementSchemas.api.parse({ ...defaultElement('api', 'a'), url: 'https://example.com' })).toMatchObject({ method: 'GET', timeoutSeconds: 10, retries: 0 });
    expect(defaultElement('csat-survey', 'c').repeat).toBe(1);
    expect(defaultElement('customer-profiles-profile', 'p').contactAttribute).toBe('endUserDestination');
    expect(defaultElement('close-session', 'bye')).toEqual({ type: 'close-session', id: 'bye' });
  });
});
