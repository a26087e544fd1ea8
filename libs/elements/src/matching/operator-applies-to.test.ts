import { describe, expect, it } from 'vitest';
import type { AttributeType } from '../attribute-declaration-schema';
import type { ConditionOperator } from './condition-rule-schema';
import { operatorAppliesTo } from './operator-applies-to';

describe('operatorAppliesTo', () => {
  it.each<[ConditionOperator, AttributeType, boolean]>([
    ['greater-than', 'number', true],
    ['greater-than', 'date', true],
    ['greater-than', 'text', true],
    ['greater-than', 'boolean', false],
    ['greater-than', 'list', false],
    ['contains', 'number', false],
    ['contains', 'list', true],
    ['starts-with', 'phone', true],
    ['equal', 'boolean', true],
    ['is-empty', 'json', true],
  ])('%s on %s → %s', (operator, type, result) => {
    expect(operatorAppliesTo(operator, type)).toBe(result);
  });

  it('lets every type use equality and emptiness', () => {
    for (const type of ['text', 'number', 'boolean', 'date', 'phone', 'email', 'url', 'list', 'json'] as const) {
      for (const operator of ['equal', 'not-equal', 'is-empty', 'is-not-empty'] as const) {
        expect(operatorAppliesTo(operator, type)).toBe(true);
      }
    }
  });
});
