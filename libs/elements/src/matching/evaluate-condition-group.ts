import type { AttributeType } from '../attribute-declaration-schema';
import type { AttributeValue } from '../attribute-values-schema';
import type { ConditionGroup, ConditionMatch, ConditionRule } from './condition-rule-schema';
import { evaluateRule } from './evaluate-rule';

/** An attribute as a rule sees it: its current value (undefined when unset) and declared type. */
export type ResolvedAttribute = { value: AttributeValue | undefined; type: AttributeType };

/**
 * Evaluates a condition's rules (and nested groups): 'all' is true when every entry is
 * (AND), 'any' when at least one is (OR). Entries are evaluated in order and evaluation
 * stops at the first entry that decides the result. `resolve` supplies each rule's
 * attribute; an undeclared one should resolve to { value: undefined, type: 'text' }.
 * An empty list is true for 'all' and false for 'any' (flow validation requires at least
 * one rule per condition, so this only matters for hand-built groups).
 */
export function evaluateConditionGroup(
  rules: readonly (ConditionRule | ConditionGroup)[],
  match: ConditionMatch,
  resolve: (attribute: string) => ResolvedAttribute,
): boolean {
  const holds = (entry: ConditionRule | ConditionGroup): boolean => {
    if ('match' in entry) return evaluateConditionGroup(entry.rules, entry.match, resolve);
    const attribute = resolve(entry.attribute);
    return evaluateRule(attribute.value, entry.operator, entry.value, attribute.type);
  };
  return match === 'all' ? rules.every(holds) : rules.some(holds);
}
