import { maxConditions, maxRulesPerCondition } from '@parley/elements';
/** A condition's structure: its rules and its groups' rules (anything with those, e.g. an EditorCondition). */
export type ConditionLike = { readonly rules: readonly unknown[]; readonly groups?: readonly { readonly rules: readonly unknown[] }[] | undefined };

/** Rules of a condition in all: its own and its groups' (the spec's 10-per-condition limit counts both). */
export function ruleCount(condition: ConditionLike): number {
  return condition.rules.length + (condition.groups ?? []).reduce((sum, group) => sum + group.rules.length, 0);
}

export type ConditionsLimits = {
  readonly conditions: number;
  readonly maxConditions: number;
  readonly canAddCondition: boolean;
  /** Per condition, in order: its rule count and whether one more rule (or a group, which brings one) fits. */
  readonly perCondition: readonly { readonly rules: number; readonly maxRules: number; readonly canAddRule: boolean }[];
};

/**
 * Where a Conditions element stands against the spec's limits (at most 10 conditions, at
 * most 10 rules per condition, groups' rules included), so the builder can show the counts
 * and disable Add / Duplicate at the limit.
 */
export function conditionsLimits(conditions: readonly ConditionLike[]): ConditionsLimits {
  return {
    conditions: conditions.length,
    maxConditions,
    canAddCondition: conditions.length < maxConditions,
    perCondition: conditions.map((condition) => {
      const rules = ruleCount(condition);
      return { rules, maxRules: maxRulesPerCondition, canAddRule: rules < maxRulesPerCondition };
    }),
  };
}
