import type { AttributeType } from '../attribute-declaration-schema';
import type { AttributeValue } from '../attribute-values-schema';
import { coerceAttributeValue } from '../attributes/coerce-attribute-value';
import type { ConditionOperator } from './condition-rule-schema';
import { operatorAppliesTo } from './operator-applies-to';

type Comparison = 'equal' | 'contains' | 'starts-with' | 'ends-with' | 'greater-than' | 'less-than' | 'greater-or-equal' | 'less-or-equal';
/** A comparison's outcome, or 'invalid' when the expected value cannot mean anything for the type. */
type Outcome = boolean | 'invalid';

/**
 * Evaluates one Conditions rule: the attribute's value (`actual`, undefined when never
 * set) against the author's `expected` text, read according to the attribute's type.
 * Pure, deterministic, never throws. Contract:
 * - An operator that does not apply to the type (operatorAppliesTo) is false.
 * - Empty means missing, null, blank text, an empty list or an empty JSON object/array;
 *   is-empty / is-not-empty test exactly that (0 and false are not empty).
 * - A blank `expected` makes equal mean is-empty and not-equal mean is-not-empty; the
 *   other operators need a value and are false without one.
 * - An `expected` that cannot be read as the type (equal "abc" on a number) makes the
 *   rule false whatever the operator, negated ones included: a broken rule never fires.
 * - Otherwise not-equal / not-contains are exactly the negation of equal / contains, so
 *   an empty attribute is not-equal to any value; the positive operators are false on it.
 * Per type:
 * - text, email, url: trimmed, case-insensitive (Unicode NFKC, lower case) text
 *   comparison; ordering only when both sides read as numbers ("10" > "9"), else false.
 * - number: both sides read as numbers (coerceAttributeValue: "1,5" is 1.5).
 * - boolean: true/false, yes/no, 1/0 ... on both sides.
 * - date: ISO-8601 on both sides; compared to the day when either side is date-only,
 *   else to the millisecond (date-times without offset are UTC).
 * - phone: equal compares E.164 forms; contains / starts-with / ends-with compare digits
 *   with the separators dropped, with or without the leading + ("+44", "44").
 * - list (array, or JSON-array text): contains = has an element equal to the value
 *   (elements compared as case-insensitive text), starts-with / ends-with = first / last
 *   element; equal = same elements in order, `expected` written as a JSON array.
 * - json: equal = deep equality with `expected` read as JSON (text that is not JSON is a
 *   string), strings case-insensitive; contains = a top-level key named `expected`, or
 *   `expected` inside the value's JSON text (case-insensitive); starts/ends-with on that
 *   text; ordering when both sides are numbers.
 */
export function evaluateRule(
  actual: AttributeValue | undefined,
  operator: ConditionOperator,
  expected: string | undefined,
  attributeType: AttributeType,
): boolean {
  if (!operatorAppliesTo(operator, attributeType)) return false;
  const empty = isEmpty(actual, attributeType);
  if (operator === 'is-empty') return empty;
  if (operator === 'is-not-empty') return !empty;
  const negated = operator === 'not-equal' || operator === 'not-contains';
  const comparison: Comparison = operator === 'not-equal' ? 'equal' : operator === 'not-contains' ? 'contains' : operator;
  const wanted = (expected ?? '').trim();
  let outcome: Outcome;
  if (wanted === '') outcome = comparison === 'equal' ? empty : 'invalid';
  else if (actual === undefined || actual === null) outcome = expectedIsReadable(wanted, attributeType, comparison) ? false : 'invalid';
  else outcome = compare(actual, comparison, wanted, attributeType);
  if (outcome === 'invalid') return false;
  return negated ? !outcome : outcome;
}

function isEmpty(actual: AttributeValue | undefined, type: AttributeType): boolean {
  if (actual === undefined || actual === null) return true;
  if (typeof actual === 'string') {
    if (actual.trim() === '') return true;
    if (type !== 'list' && type !== 'json') return false;
    const parsed = coerceAttributeValue(type, actual);
    return parsed.ok && isEmptyContainer(parsed.value);
  }
  return isEmptyContainer(actual);
}

function isEmptyContainer(value: AttributeValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

/** Whether `expected` means something for the type, so a missing actual value is a real "no". */
function expectedIsReadable(expected: string, type: AttributeType, comparison: Comparison): boolean {
  return compare(expected, comparison, expected, type) !== 'invalid';
}

function fold(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** The value as text for comparisons: strings as they are, other values as JSON text. */
function textOf(value: AttributeValue): string {
  const text = coerceAttributeValue('text', value);
  return text.ok && typeof text.value === 'string' ? text.value : '';
}

function numberOf(value: AttributeValue): number | undefined {
  const number = coerceAttributeValue('number', value);
  return number.ok && typeof number.value === 'number' ? number.value : undefined;
}

function order(a: number | string, b: number | string, comparison: Comparison): boolean {
  switch (comparison) {
    case 'greater-than':
      return a > b;
    case 'less-than':
      return a < b;
    case 'greater-or-equal':
      return a >= b;
    case 'less-or-equal':
      return a <= b;
    default:
      return a === b;
  }
}

function compareText(actual: string, comparison: Comparison, expected: string): boolean {
  switch (comparison) {
    case 'equal':
      return actual === expected;
    case 'contains':
      return actual.includes(expected);
    case 'starts-with':
      return actual.startsWith(expected);
    case 'ends-with':
      return actual.endsWith(expected);
    default:
      return false;
  }
}

function isOrdering(comparison: Comparison): boolean {
  return comparison !== 'equal' && comparison !== 'contains' && comparison !== 'starts-with' && comparison !== 'ends-with';
}

function compare(actual: AttributeValue, comparison: Comparison, expected: string, type: AttributeType): Outcome {
  switch (type) {
    case 'text':
    case 'email':
    case 'url':
      return compareTextual(actual, comparison, expected);
    case 'number':
      return compareNumbers(actual, comparison, expected);
    case 'boolean':
      return compareBooleans(actual, expected);
    case 'date':
      return compareDates(actual, comparison, expected);
    case 'phone':
      return comparePhones(actual, comparison, expected);
    case 'list':
      return compareLists(actual, comparison, expected);
    case 'json':
      return compareJson(actual, comparison, expected);
  }
}

function compareTextual(actual: AttributeValue, comparison: Comparison, expected: string): Outcome {
  if (!isOrdering(comparison)) return compareText(fold(textOf(actual)), comparison, fold(expected));
  const wanted = numberOf(expected);
  if (wanted === undefined) return 'invalid';
  const value = numberOf(actual);
  return value !== undefined && order(value, wanted, comparison);
}

function compareNumbers(actual: AttributeValue, comparison: Comparison, expected: string): Outcome {
  const wanted = numberOf(expected);
  if (wanted === undefined) return 'invalid';
  const value = numberOf(actual);
  return value !== undefined && order(value, wanted, comparison);
}

function compareBooleans(actual: AttributeValue, expected: string): Outcome {
  const wanted = coerceAttributeValue('boolean', expected);
  if (!wanted.ok) return 'invalid';
  const value = coerceAttributeValue('boolean', actual);
  return value.ok && value.value === wanted.value;
}

function compareDates(actual: AttributeValue, comparison: Comparison, expected: string): Outcome {
  const wanted = coerceAttributeValue('date', expected);
  if (!wanted.ok || typeof wanted.value !== 'string') return 'invalid';
  const value = coerceAttributeValue('date', actual);
  if (!value.ok || typeof value.value !== 'string') return false;
  // Normalized ISO texts (UTC, 4-digit years) sort like the instants they name.
  const dayPrecision = wanted.value.length === 10 || value.value.length === 10;
  const a = dayPrecision ? value.value.slice(0, 10) : value.value;
  const b = dayPrecision ? wanted.value.slice(0, 10) : wanted.value;
  return order(a, b, comparison);
}

const phoneSeparators = /[\s().-]/g;

function comparePhones(actual: AttributeValue, comparison: Comparison, expected: string): Outcome {
  const phone = coerceAttributeValue('phone', actual);
  const value = phone.ok && typeof phone.value === 'string' ? phone.value : textOf(actual).replace(phoneSeparators, '');
  if (comparison === 'equal') {
    const wanted = coerceAttributeValue('phone', expected);
    return wanted.ok ? value === wanted.value : 'invalid';
  }
  const wanted = expected.replace(phoneSeparators, '').replace(/^00/, '+');
  if (!/^\+?\d+$/.test(wanted)) return 'invalid';
  return compareText(value, comparison, wanted) || compareText(value.replace(/^\+/, ''), comparison, wanted);
}

/** An element's comparable text: case-insensitive, JSON text for non-strings. */
function elementText(element: AttributeValue): string {
  return fold(typeof element === 'string' ? element : JSON.stringify(element));
}

function compareLists(actual: AttributeValue, comparison: Comparison, expected: string): Outcome {
  const wanted = fold(expected);
  let wantedList: AttributeValue[] | undefined;
  if (comparison === 'equal') {
    const parsed = coerceAttributeValue('list', expected);
    if (!parsed.ok || !Array.isArray(parsed.value)) return 'invalid';
    wantedList = parsed.value;
  }
  const list = coerceAttributeValue('list', actual);
  if (!list.ok || !Array.isArray(list.value)) return false;
  const items = list.value.map(elementText);
  switch (comparison) {
    case 'equal':
      return wantedList !== undefined && wantedList.length === items.length && wantedList.every((item, index) => elementText(item) === items[index]);
    case 'contains':
      return items.includes(wanted);
    case 'starts-with':
      return items.length > 0 && items[0] === wanted;
    case 'ends-with':
      return items.length > 0 && items[items.length - 1] === wanted;
    default:
      return false;
  }
}

function jsonEqual(a: AttributeValue, b: AttributeValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return fold(a) === fold(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => {
      const other = b[index];
      return other !== undefined && jsonEqual(item, other);
    });
  }
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => {
      const left = a[key];
      const right = b[key];
      return Object.hasOwn(b, key) && left !== undefined && right !== undefined && jsonEqual(left, right);
    })
  );
}

function compareJson(actual: AttributeValue, comparison: Comparison, expected: string): Outcome {
  const parsed = coerceAttributeValue('json', actual);
  if (!parsed.ok) return false;
  const value = parsed.value;
  if (isOrdering(comparison)) {
    const wanted = numberOf(expected);
    if (wanted === undefined) return 'invalid';
    const number = typeof value === 'number' || typeof value === 'string' ? numberOf(value) : undefined;
    return number !== undefined && order(number, wanted, comparison);
  }
  if (comparison === 'equal') {
    const wanted = coerceAttributeValue('json', expected);
    return wanted.ok && jsonEqual(value, wanted.value);
  }
  const hasKey = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, expected);
  return (comparison === 'contains' && hasKey) || compareText(elementText(value), comparison, fold(expected));
}
