import { coerceAttributeValue } from '../attributes/coerce-attribute-value';
import { checkRegexPattern } from './check-regex-pattern';
import type { ValidationRule } from './validation-rule-schema';

/** Replies longer than this are refused before any check, bounding regex work. */
export const maxValidatedInputLength = 4096;

export type ValidationResult = { ok: true; value: string } | { ok: false; message: string };

/** Compiled patterns (or why they are unusable), so a busy flow checks each pattern once. */
const compiled = new Map<string, RegExp | string>();
const maxCompiled = 256;

function compile(pattern: string, flags: string): RegExp | string {
  const key = `${flags}/${pattern}`;
  const known = compiled.get(key);
  if (known !== undefined) return known;
  const problem = checkRegexPattern(pattern, flags);
  const entry = problem ?? new RegExp(pattern, flags);
  if (compiled.size >= maxCompiled) compiled.clear();
  compiled.set(key, entry);
  return entry;
}

/**
 * Save user response custom validation of one reply. Promises:
 * - the reply is trimmed first; replies over maxValidatedInputLength are refused;
 * - regex: the pattern is re-checked with checkRegexPattern (flows can arrive without
 *   editor validation) and an unusable one refuses every reply, naming the problem; a
 *   usable one must match somewhere in the reply (anchor it with ^…$ to match it whole);
 *   the value is the trimmed reply;
 * - email, phone, url: the value is normalized exactly as coerceAttributeValue stores it
 *   (phone in E.164, e.g. "+1 415-555-2671" → "+14155552671"), with its messages.
 * Pure and synchronous; never throws.
 */
export function validateInput(text: string, rule: ValidationRule): ValidationResult {
  if (text.length > maxValidatedInputLength) {
    return { ok: false, message: `the reply is too long to validate (max ${maxValidatedInputLength} characters)` };
  }
  const reply = text.trim();
  if (rule.type === 'regex') {
    const regex = compile(rule.pattern, rule.flags ?? '');
    if (typeof regex === 'string') return { ok: false, message: `the validation pattern is unusable: ${regex}` };
    return regex.test(reply)
      ? { ok: true, value: reply }
      : { ok: false, message: `does not match the required format /${rule.pattern}/${rule.flags ?? ''}` };
  }
  const result = coerceAttributeValue(rule.type, reply);
  if (!result.ok) return result;
  return typeof result.value === 'string'
    ? { ok: true, value: result.value }
    : { ok: false, message: `not a valid ${rule.type}` };
}
