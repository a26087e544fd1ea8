import type { AttributeRef } from '../attribute-ref-schema';
import { coerceAttributeValue } from '../attributes/coerce-attribute-value';
import type { AttributeType } from '../attribute-declaration-schema';
import type { ElementContext } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { findPlaceholders } from '../find-placeholders';
import type { ConditionGroup, ConditionOperator, ConditionRule } from '../matching/condition-rule-schema';
import { evaluateConditionGroup, type ResolvedAttribute } from '../matching/evaluate-condition-group';
import { operatorAppliesTo } from '../matching/operator-applies-to';
import { placeholderRefs } from '../placeholder-refs';
import { renderTemplate } from '../render-template';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import { conditionPort, elsePort, type Condition, type Conditions, type ConditionsRule } from './schema';

/**
 * Evaluates the conditions in order and leaves through the port of the first that holds
 * (`condition:<id>`), else through 'else'. A condition holds when its entries (its rules,
 * then its groups) joined by `match` (default 'all') hold (evaluateConditionGroup). Each
 * rule compares the attribute's current value with `value` (placeholders filled first),
 * read as the attribute's declared type (evaluateRule); an attribute without a declaration
 * is compared as text. Writes nothing, sends nothing, draws no random numbers.
 */
export function runConditions(element: Conditions, context: ElementContext): ElementOutcome {
  const resolve = (name: string): ResolvedAttribute => ({
    value: Object.hasOwn(context.attributes, name) ? context.attributes[name] : undefined,
    type: lookupDeclaration(context.declarations, name)?.type ?? 'text',
  });
  const taken = element.conditions.find((condition) => evaluateConditionGroup(entriesOf(condition, context), condition.match ?? 'all', resolve));
  return { kind: 'continue', port: taken === undefined ? elsePort : conditionPort(taken.id), effects: [], attributes: {} };
}

/** A condition's rules then groups, with placeholders in values filled. */
function entriesOf(condition: Condition, context: ElementContext): (ConditionRule | ConditionGroup)[] {
  const rendered = (rule: ConditionsRule): ConditionRule =>
    rule.value === undefined ? rule : { ...rule, value: renderTemplate(rule.value, context.attributes) };
  return [
    ...condition.rules.map(rendered),
    ...(condition.groups ?? []).map((group): ConditionGroup => ({ match: group.match ?? 'all', rules: group.rules.map(rendered) })),
  ];
}

/** One port per condition (`condition:<id>`, in order), then 'else'. */
export function conditionsPorts(element: Conditions): string[] {
  return [...element.conditions.map((condition) => conditionPort(condition.id)), elsePort];
}

type LocatedRule = { rule: ConditionsRule; path: (string | number)[] };

/** Every rule of the element with its path inside the element. */
function rulesOf(element: Conditions): LocatedRule[] {
  return element.conditions.flatMap((condition, index) => [
    ...condition.rules.map((rule, ruleIndex) => ({ rule, path: ['conditions', index, 'rules', ruleIndex] })),
    ...(condition.groups ?? []).flatMap((group, groupIndex) =>
      group.rules.map((rule, ruleIndex) => ({ rule, path: ['conditions', index, 'groups', groupIndex, 'rules', ruleIndex] })),
    ),
  ]);
}

/** Each rule's attribute (a read, by field) and the placeholders in its value. */
export function conditionsAttributeRefs(element: Conditions): AttributeRef[] {
  return rulesOf(element).flatMap(({ rule, path }): AttributeRef[] => [
    { name: rule.attribute, access: 'read', path: [...path, 'attribute'], valuePath: [], via: 'field' },
    ...(rule.value === undefined ? [] : placeholderRefs(rule.value, [...path, 'value'])),
  ]);
}

const valueless: readonly ConditionOperator[] = ['is-empty', 'is-not-empty'];
const ordering: readonly ConditionOperator[] = ['greater-than', 'less-than', 'greater-or-equal', 'less-or-equal'];

/**
 * Checks each rule against its attribute's declared type (undeclared attributes are
 * reported by the engine from attributeRefs, so they are skipped here):
 * - 'operator-not-applicable': the operator does not apply to the type (operatorAppliesTo),
 *   e.g. greater-than on a boolean;
 * - 'value-required': no (or a blank) value for an operator that compares with one;
 * - 'invalid-value': a value without placeholders that cannot be read the way the rule
 *   compares it (a number for number attributes and for ordering, a date, a yes/no, an
 *   international phone number for phone equality, a JSON array for list equality);
 * - warning 'value-ignored': a value on is-empty / is-not-empty;
 * - warning 'duplicate-name': two conditions with the same name.
 */
export function validateConditions(element: Conditions, context: ValidationContext): ElementIssue[] {
  const issues: ElementIssue[] = [];
  for (const { rule, path } of rulesOf(element)) {
    const declaration = lookupDeclaration(context.declarations, rule.attribute);
    if (declaration === undefined) continue;
    const at = (field: string): string => formatField([...path, field]);
    if (!operatorAppliesTo(rule.operator, declaration.type)) {
      issues.push({
        field: at('operator'),
        rule: 'operator-not-applicable',
        message: `"${rule.operator}" does not apply to "${rule.attribute}", a ${declaration.type} attribute.`,
      });
      continue;
    }
    const value = rule.value;
    if (valueless.includes(rule.operator)) {
      if (value !== undefined && value.trim() !== '') {
        issues.push({ field: at('value'), rule: 'value-ignored', severity: 'warning', message: `"${rule.operator}" does not use a value; it is ignored.` });
      }
      continue;
    }
    if (value === undefined || value.trim() === '') {
      issues.push({
        field: at('value'),
        rule: 'value-required',
        message: `"${rule.operator}" needs a value to compare with (to test for no value, use is-empty / is-not-empty).`,
      });
      continue;
    }
    if (findPlaceholders(value).length > 0) continue; // known only at run time
    const problem = valueProblem(value, rule.operator, declaration.type);
    if (problem !== null) issues.push({ field: at('value'), rule: 'invalid-value', message: `"${value}" is ${problem}.` });
  }
  const names = new Map<string, number>();
  element.conditions.forEach((condition, index) => {
    const key = condition.name.trim().toLowerCase();
    const first = names.get(key);
    if (first === undefined) names.set(key, index);
    else {
      issues.push({
        field: `conditions[${index}].name`,
        rule: 'duplicate-name',
        severity: 'warning',
        message: `Condition ${first + 1} is also named "${condition.name}"; branches are easier to tell apart with distinct names.`,
      });
    }
  });
  return issues;
}

/** Why `value` cannot be compared by `operator` on a `type` attribute, or null (mirrors evaluateRule's reading). */
function valueProblem(value: string, operator: ConditionOperator, type: AttributeType): string | null {
  const readAs = (target: AttributeType): string | null => {
    const coerced = coerceAttributeValue(target, value);
    return coerced.ok ? null : coerced.message;
  };
  if (ordering.includes(operator)) return type === 'date' ? readAs('date') : readAs('number');
  switch (type) {
    case 'number':
    case 'date':
    case 'boolean':
      return readAs(type);
    case 'phone':
      if (operator === 'equal' || operator === 'not-equal') return readAs('phone');
      return /^\+?\d+$/.test(value.trim().replace(/[\s().-]/g, '').replace(/^00/, '+')) ? null : 'not part of a phone number (digits expected)';
    case 'list':
      return operator === 'equal' || operator === 'not-equal' ? readAs('list') : null;
    default:
      return null;
  }
}

/** ['conditions', 0, 'rules', 1, 'value'] → 'conditions[0].rules[1].value'. */
function formatField(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}
