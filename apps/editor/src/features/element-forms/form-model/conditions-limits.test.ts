import { maxConditions, maxRulesPerCondition } from '@parley/elements';
import { describe, expect, it } from 'vitest';
import { addCondition, addGroup, addGroupRule, addRule, duplicateCondition, newRule } from './conditions-edits';
import { conditionsLimits, ruleCount } from './conditions-limits';
import type { EditorCondition } from './editor-conditions';

function condition(id: string, rules: number, groupRules: number[] = []): EditorCondition {
  return {
    id,
    name: `Condition ${id}`,
    rules: Array.from({ length: rules }, newRule),
    ...(groupRules.length > 0 ? { groups: groupRules.map((count) => ({ match: 'all' as const, rules: Array.from({ length: count }, newRule) })) } : {}),
  };
}

describe('conditions limits', () => {
  it('count rules of groups with the condition own rules', () => {
    expect(ruleCount(condition('a', 2, [3, 1]))).toBe(6);
    const limits = conditionsLimits([condition('a', 2, [3, 1]), condition('b', 10), condition('c', 4, [6])]);
    expect(limits).toMatchObject({ conditions: 3, maxConditions: 10, canAddCondition: true });
    expect(limits.perCondition.map((entry) => [entry.rules, entry.canAddRule])).toEqual([
      [6, true],
      [10, false],
      [10, false],
    ]);
  });

  it('refuse an eleventh condition, by adding or duplicating', () => {
    const ten = Array.from({ length: maxConditions }, (_, index) => condition(`c${index}`, 1));
    expect(conditionsLimits(ten).canAddCondition).toBe(false);
    expect(addCondition(ten, 'new')).toBe(ten);
    expect(duplicateCondition(ten, 0, 'new')).toBe(ten);
  });

  it('refuse an eleventh rule, as a rule, a group rule or a new group', () => {
    const full = condition('a', 5, [5]);
    expect(ruleCount(full)).toBe(maxRulesPerCondition);
    expect(addRule(full)).toBe(full);
    expect(addGroupRule(full, 0)).toBe(full);
    expect(addGroup(full)).toBe(full);
    const room = condition('b', 4, [5]);
    expect(ruleCount(addRule(room))).toBe(10);
    expect(ruleCount(addGroupRule(room, 0))).toBe(10);
    expect(addGroup(room).groups).toHaveLength(2);
  });
});

describe('conditions edits', () => {
  it('add a condition with a fresh name and one rule to fill in', () => {
    const next = addCondition([condition('a', 1)], 'b');
    expect(next[1]).toEqual({ id: 'b', name: 'Condition 2', rules: [{ attribute: '', operator: 'equal', value: '' }] });
    expect(
      addCondition(
        [
          { ...condition('a', 1), name: 'Condition 1' },
          { ...condition('b', 1), name: 'Condition 2' },
        ],
        'c',
      )[2]?.name,
    ).toBe('Condition 3');
  });

  it('duplicate a condition right after it, deep-copied, with a new id and "(copy)"', () => {
    const original = condition('a', 2, [1]);
    const list = [original, condition('b', 1)];
    const next = duplicateCondition(list, 0, 'a2');
    expect(next.map((entry) => entry.id)).toEqual(['a', 'a2', 'b']);
    expect(next[1]).toMatchObject({ name: 'Condition a (copy)', rules: original.rules });
    expect(next[1]?.rules).not.toBe(original.rules);
    expect(next[1]?.groups?.[0]).not.toBe(original.groups?.[0]);
  });
});
