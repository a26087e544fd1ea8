import type { AttributeType } from '../attribute-declaration-schema';
import type { ConditionOperator } from './condition-rule-schema';

const equality: readonly ConditionOperator[] = ['equal', 'not-equal', 'is-empty', 'is-not-empty'];
const textual: readonly ConditionOperator[] = ['contains', 'not-contains', 'starts-with', 'ends-with'];
const ordering: readonly ConditionOperator[] = ['greater-than', 'less-than', 'greater-or-equal', 'less-or-equal'];

const operatorsByType: Record<AttributeType, readonly ConditionOperator[]> = {
  text: [...equality, ...textual, ...ordering],
  number: [...equality, ...ordering],
  boolean: equality,
  date: [...equality, ...ordering],
  phone: [...equality, ...textual],
  email: [...equality, ...textual],
  url: [...equality, ...textual],
  list: [...equality, ...textual],
  json: [...equality, ...textual, ...ordering],
};

/**
 * Whether a Conditions rule with this operator makes sense for an attribute of this type,
 * for flow validation and the editor's operator picker. evaluateRule returns false for
 * every combination refused here. Equality and emptiness fit every type; contains /
 * starts-with / ends-with fit text-like types, lists (elements) and json; ordering fits
 * numbers and dates, and text and json holding numbers ("10" > "9").
 */
export function operatorAppliesTo(operator: ConditionOperator, attributeType: AttributeType): boolean {
  return operatorsByType[attributeType].includes(operator);
}
