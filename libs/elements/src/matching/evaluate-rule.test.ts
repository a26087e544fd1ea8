import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeType } from '../attribute-declaration-schema';
import { attributeValueSchema, type AttributeValue } from '../attribute-values-schema';
import { conditionOperatorSchema, type ConditionOperator } from './condition-rule-schema';
import { evaluateRule } from './evaluate-rule';
import { operatorAppliesTo } from './operator-applies-to';

type Row = [actual: AttributeValue | undefined, operator: ConditionOperator, expected: string | undefined, result: boolean];

function rows(type: AttributeType, table: Row[]) {
  it.each(table)(`${type}: %j %s %j → %s`, (actual, operator, expected, result) => {
    expect(evaluateRule(actual, operator, expected, type)).toBe(result);
  });
}

describe('evaluateRule', () => {
  describe('text: trimmed, case-insensitive', () => {
    rows('text', [
      ['premium', 'equal', 'premium', true],
      ['Premium ', 'equal', 'PREMIUM', true],
      ['premium', 'equal', 'basic', false],
      ['premium', 'not-equal', 'basic', true],
      ['en-US', 'starts-with', 'en', true],
      ['en-US', 'ends-with', 'us', true],
      ['I want a refund', 'contains', 'REFUND', true],
      ['I want a refund', 'not-contains', 'refund', false],
      ['Straße', 'equal', 'straße', true],
      ['', 'is-empty', undefined, true],
      ['   ', 'is-empty', undefined, true],
      [undefined, 'is-empty', undefined, true],
      [null, 'is-empty', undefined, true],
      ['x', 'is-not-empty', undefined, true],
      // numbers held as text compare as numbers
      ['10', 'greater-than', '9', true],
      ['1,5', 'less-than', '2', true],
      ['abc', 'greater-than', '9', false],
      ['10', 'greater-than', 'abc', false],
      // a missing attribute is empty: positive operators false, negated ones true
      [undefined, 'equal', 'premium', false],
      [undefined, 'not-equal', 'premium', true],
      [undefined, 'contains', 'a', false],
      [undefined, 'not-contains', 'a', true],
      [undefined, 'greater-than', '5', false],
      // a blank expected value means empty for equal / not-equal, nothing for the rest
      [undefined, 'equal', '', true],
      ['x', 'equal', '', false],
      ['x', 'not-equal', undefined, true],
      ['x', 'contains', '', false],
      ['x', 'not-contains', '', false],
      // non-string values compare as their text
      [42, 'equal', '42', true],
      [true, 'equal', 'TRUE', true],
    ]);
  });

  describe('number: both sides as numbers', () => {
    rows('number', [
      [100, 'equal', '100', true],
      [100, 'equal', '100.0', true],
      [100, 'greater-than', '99', true],
      [10, 'greater-than', '9', true],
      ['10', 'greater-than', '9', true],
      [150, 'greater-than', '1,000', false],
      [1.5, 'equal', '1,5', true],
      [5, 'less-or-equal', '5', true],
      [5, 'greater-or-equal', '6', false],
      [5, 'less-than', '5', false],
      [0, 'is-empty', undefined, false],
      [0, 'is-not-empty', undefined, true],
      [5, 'not-equal', '6', true],
      [5, 'equal', 'abc', false],
      [5, 'not-equal', 'abc', false],
      [undefined, 'not-equal', '5', true],
      [undefined, 'not-equal', 'abc', false],
      ['n/a', 'equal', '5', false],
      ['n/a', 'not-equal', '5', true],
      [5, 'contains', '5', false],
      [5, 'starts-with', '5', false],
    ]);
  });

  describe('boolean', () => {
    rows('boolean', [
      [true, 'equal', 'true', true],
      [true, 'equal', 'yes', true],
      [false, 'equal', 'no', true],
      [false, 'equal', '0', true],
      ['true', 'equal', 'true', true],
      [false, 'not-equal', 'true', true],
      [false, 'is-empty', undefined, false],
      [undefined, 'is-empty', undefined, true],
      [undefined, 'equal', 'false', false],
      [true, 'equal', 'maybe', false],
      [true, 'not-equal', 'maybe', false],
      [true, 'greater-than', 'false', false],
      [true, 'contains', 'true', false],
    ]);
  });

  describe('date: ISO, to the day when either side is a date', () => {
    rows('date', [
      ['2024-05-31', 'equal', '2024-05-31', true],
      ['2024-05-31T14:30:00Z', 'equal', '2024-05-31', true],
      ['2024-05-31T14:30:00Z', 'equal', '2024-05-31T16:30:00+02:00', true],
      ['2024-05-31T14:30:00Z', 'greater-than', '2024-05-31T14:29:59Z', true],
      ['2024-05-31T14:30:00Z', 'greater-than', '2024-05-31', false],
      ['2024-05-31T14:30:00Z', 'greater-or-equal', '2024-05-31', true],
      ['2024-06-01', 'greater-than', '2024-05-31', true],
      ['2023-12-31', 'less-than', '2024-01-01', true],
      ['0999-01-01', 'less-than', '2024-01-01', true],
      ['2024-05-31', 'not-equal', '2024-06-01', true],
      ['2024-05-31', 'equal', 'tomorrow', false],
      ['2024-05-31', 'not-equal', 'tomorrow', false],
      ['not a date', 'greater-than', '2024-01-01', false],
      [undefined, 'less-than', '2024-01-01', false],
      ['2024-05-31', 'contains', '2024', false],
    ]);
  });

  describe('phone: E.164 for equality, digits for the rest', () => {
    rows('phone', [
      ['+14155552671', 'equal', '+1 (415) 555-2671', true],
      ['+14155552671', 'equal', '0014155552671', true],
      ['+14155552671', 'not-equal', '+442079460958', true],
      ['+442079460958', 'starts-with', '+44', true],
      ['+442079460958', 'starts-with', '44', true],
      ['+442079460958', 'starts-with', '0044', true],
      ['+442079460958', 'ends-with', '0958', true],
      ['+442079460958', 'contains', '7946', true],
      ['+442079460958', 'contains', '555', false],
      ['+14155552671', 'equal', '4155552671', false],
      ['+14155552671', 'not-equal', '4155552671', false],
      ['+14155552671', 'starts-with', 'abc', false],
      ['+14155552671', 'greater-than', '1', false],
    ]);
  });

  describe('email and url: case-insensitive text', () => {
    it.each<[AttributeType, AttributeValue, ConditionOperator, string, boolean]>([
      ['email', 'Ana@Acme.com', 'ends-with', '@acme.com', true],
      ['email', 'ana@acme.com', 'equal', 'ANA@ACME.COM', true],
      ['email', 'ana@acme.com', 'not-contains', 'gmail', true],
      ['email', 'ana@acme.com', 'greater-than', 'a', false],
      ['url', 'https://shop.example.com/cart', 'starts-with', 'https://shop.', true],
      ['url', 'https://shop.example.com/cart', 'contains', 'CART', true],
    ])('%s: %j %s %j → %s', (type, actual, operator, expected, result) => {
      expect(evaluateRule(actual, operator, expected, type)).toBe(result);
    });
  });

  describe('list: elements', () => {
    rows('list', [
      [['red', 'Blue'], 'contains', 'blue', true],
      [['red', 'blue'], 'contains', 'green', false],
      [['red', 'blue'], 'not-contains', 'green', true],
      [['redish'], 'contains', 'red', false],
      [[1, 2, 3], 'contains', '2', true],
      ['["vip","new"]', 'contains', 'vip', true],
      [['a', 'b'], 'starts-with', 'a', true],
      [['a', 'b'], 'ends-with', 'b', true],
      [['a', 'b'], 'ends-with', 'a', false],
      [[], 'starts-with', 'a', false],
      [[], 'is-empty', undefined, true],
      ['[]', 'is-empty', undefined, true],
      [['a'], 'is-not-empty', undefined, true],
      [['a', 'B'], 'equal', '["A","b"]', true],
      [['a', 'b'], 'equal', '["b","a"]', false],
      [['a', 'b'], 'equal', 'a,b', false],
      [['a', 'b'], 'not-equal', 'a,b', false],
      [['a', 'b'], 'not-equal', '["a"]', true],
      [undefined, 'not-contains', 'a', true],
      [['a'], 'greater-than', '0', false],
    ]);
  });

  describe('json: deep equality, keys or text for contains', () => {
    rows('json', [
      [{ status: 200, ok: true }, 'equal', '{"ok":true,"status":200}', true],
      [{ status: 200 }, 'equal', '{"status":201}', false],
      ['premium', 'equal', 'Premium', true],
      ['{"a":1}', 'equal', '{"a":1}', true],
      [{ status: 200 }, 'contains', 'status', true],
      [{ status: 200 }, 'contains', '200', true],
      [{ user: { name: 'Ana' } }, 'contains', 'ana', true],
      [{ status: 200 }, 'not-contains', 'error', true],
      [{ status: 200 }, 'starts-with', '{"status"', true],
      [200, 'greater-than', '199', true],
      ['200', 'less-than', '300', true],
      [{ status: 200 }, 'greater-than', '1', false],
      [{}, 'is-empty', undefined, true],
      ['{}', 'is-empty', undefined, true],
      [[], 'is-empty', undefined, true],
      [0, 'is-empty', undefined, false],
      [null, 'is-empty', undefined, true],
    ]);
  });

  it('is false for every operator the type does not support', () => {
    for (const type of ['text', 'number', 'boolean', 'date', 'phone', 'email', 'url', 'list', 'json'] as const) {
      for (const operator of conditionOperatorSchema.options) {
        if (!operatorAppliesTo(operator, type)) expect(evaluateRule('1', operator, '1', type), `${type} ${operator}`).toBe(false);
      }
    }
  });

  const types = fc.constantFrom<AttributeType>('text', 'number', 'boolean', 'date', 'phone', 'email', 'url', 'list', 'json');
  const operators = fc.constantFrom(...conditionOperatorSchema.options);
  const actuals = fc.option(
    fc.oneof(
      fc.json().map((text) => attributeValueSchema.parse(JSON.parse(text))),
      fc.constantFrom('10', '1,5', 'yes', '2024-05-31', '+14155552671', '["a"]', '{"a":1}', ''),
    ),
    { nil: undefined },
  );
  const expecteds = fc.option(fc.oneof(fc.string(), fc.constantFrom('9', 'true', '2024-01-01', '+1', 'a', '["a"]', '{"a":1}')), {
    nil: undefined,
  });

  it('never throws and always answers a boolean', () => {
    fc.assert(
      fc.property(actuals, operators, expecteds, types, (actual, operator, expected, type) => {
        expect(typeof evaluateRule(actual, operator, expected, type)).toBe('boolean');
      }),
      { numRuns: 5000 },
    );
  });

  it('makes the negated operators the exact opposites, unless the rule cannot mean anything', () => {
    const pairs = [
      ['equal', 'not-equal'],
      ['contains', 'not-contains'],
      ['is-empty', 'is-not-empty'],
    ] as const;
    fc.assert(
      fc.property(actuals, fc.constantFrom(...pairs), expecteds, types, (actual, [positive, negative], expected, type) => {
        const yes = evaluateRule(actual, positive, expected, type);
        const no = evaluateRule(actual, negative, expected, type);
        // Both false only for a broken rule (operator not for this type, or an unreadable value).
        expect(yes && no).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
