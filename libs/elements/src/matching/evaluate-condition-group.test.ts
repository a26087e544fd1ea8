import { describe, expect, it } from 'vitest';
import type { ConditionGroup, ConditionRule } from './condition-rule-schema';
import { evaluateConditionGroup, type ResolvedAttribute } from './evaluate-condition-group';

describe('evaluateConditionGroup', () => {
  const attributes: Record<string, ResolvedAttribute> = {
    orderValue: { value: 150, type: 'number' },
    customerType: { value: 'premium', type: 'text' },
    language: { value: 'en-US', type: 'text' },
  };
  const resolve = (name: string): ResolvedAttribute => attributes[name] ?? { value: undefined, type: 'text' };

  it('ANDs with "all" and ORs with "any" (spec examples)', () => {
    const and = [
      { attribute: 'orderValue', operator: 'greater-than', value: '100' },
      { attribute: 'customerType', operator: 'equal', value: 'premium' },
    ] as const;
    expect(evaluateConditionGroup([...and], 'all', resolve)).toBe(true);
    const or = [
      { attribute: 'language', operator: 'equal', value: 'en' },
      { attribute: 'language', operator: 'equal', value: 'en-US' },
    ] as const;
    expect(evaluateConditionGroup([...or], 'any', resolve)).toBe(true);
    expect(evaluateConditionGroup([...or], 'all', resolve)).toBe(false);
  });

  it('combines AND and OR through nested groups', () => {
    const rules: (ConditionRule | ConditionGroup)[] = [
      { attribute: 'customerType', operator: 'equal', value: 'premium' },
      {
        match: 'any',
        rules: [
          { attribute: 'orderValue', operator: 'greater-than', value: '1000' },
          { attribute: 'language', operator: 'starts-with', value: 'en' },
        ],
      },
    ];
    expect(evaluateConditionGroup(rules, 'all', resolve)).toBe(true);
  });

  it('treats unknown attributes as empty', () => {
    expect(evaluateConditionGroup([{ attribute: 'nickname', operator: 'is-empty' }], 'all', resolve)).toBe(true);
    expect(evaluateConditionGroup([{ attribute: 'nickname', operator: 'equal', value: 'x' }], 'all', resolve)).toBe(false);
  });

  it('is true for an empty "all" and false for an empty "any"', () => {
    expect(evaluateConditionGroup([], 'all', resolve)).toBe(true);
    expect(evaluateConditionGroup([], 'any', resolve)).toBe(false);
  });
});
