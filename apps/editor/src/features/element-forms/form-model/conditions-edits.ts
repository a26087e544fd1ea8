import { maxConditions, maxRulesPerCondition } from '@parley/elements';
import { ruleCount } from './conditions-limits';
import type { EditorCondition, EditorConditionGroup, EditorConditionRule } from './editor-conditions';

/*
 * Pure edits of a Conditions element's list, for the builder. Each returns a new list (or
 * the same one when the edit would break a limit: 10 conditions, 10 rules per condition),
 * never mutating. New ids come from the caller, so these stay deterministic.
 */

/** A rule to fill in: no attribute yet (validation asks for one), "Equal to". */
export function newRule(): EditorConditionRule {
  return { attribute: '', operator: 'equal', value: '' };
}

/** "Condition N": N is the new condition's position, or the next number no condition is named with yet. */
function freshName(conditions: readonly EditorCondition[]): string {
  const taken = new Set(conditions.map((condition) => condition.name.trim().toLowerCase()));
  let number = conditions.length + 1;
  while (taken.has(`condition ${number}`)) number += 1;
  return `Condition ${number}`;
}

/** Appends a condition with one empty rule (unless there are 10 already). */
export function addCondition(conditions: readonly EditorCondition[], id: string): readonly EditorCondition[] {
  if (conditions.length >= maxConditions) return conditions;
  return [...conditions, { id, name: freshName(conditions), rules: [newRule()] }];
}

/** Inserts a copy of condition `index` right after it, with a new id and "(copy)" in its name (unless there are 10 already). */
export function duplicateCondition(conditions: readonly EditorCondition[], index: number, id: string): readonly EditorCondition[] {
  const original = conditions[index];
  if (!original || conditions.length >= maxConditions) return conditions;
  const copy: EditorCondition = { ...structuredClone(original), id, name: `${original.name} (copy)`.slice(0, 100) };
  return [...conditions.slice(0, index + 1), copy, ...conditions.slice(index + 1)];
}

/** Adds an empty rule to a condition (unless it has 10 rules in all). */
export function addRule(condition: EditorCondition): EditorCondition {
  if (ruleCount(condition) >= maxRulesPerCondition) return condition;
  return { ...condition, rules: [...condition.rules, newRule()] };
}

/** Adds an empty rule to group `groupIndex` of a condition (unless the condition has 10 rules in all). */
export function addGroupRule(condition: EditorCondition, groupIndex: number): EditorCondition {
  const groups = condition.groups ?? [];
  const group = groups[groupIndex];
  if (!group || ruleCount(condition) >= maxRulesPerCondition) return condition;
  const next: EditorConditionGroup = { ...group, rules: [...group.rules, newRule()] };
  return { ...condition, groups: groups.map((current, index) => (index === groupIndex ? next : current)) };
}

/** Adds a group (its own AND/OR) holding one empty rule (unless the condition has 10 rules in all). */
export function addGroup(condition: EditorCondition): EditorCondition {
  if (ruleCount(condition) >= maxRulesPerCondition) return condition;
  return { ...condition, groups: [...(condition.groups ?? []), { match: 'any', rules: [newRule()] }] };
}
