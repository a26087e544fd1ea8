import tokenizeRegex, { types, type Root, type Token } from 'ret';
import safeRegex from 'safe-regex2';

/** Longer patterns are refused: validation rules are short, and the checks stay cheap. */
export const maxRegexPatternLength = 1000;
/** Flags a validation pattern may use; `g` and `y` would make `test` stateful. */
export const allowedRegexFlags = ['i', 'm', 's', 'u'] as const;

/**
 * Checks a Save user response validation pattern before a flow is saved or published:
 * null when the pattern is usable, else a message naming the problem. A usable pattern
 * compiles as a JavaScript regular expression with the given flags (only i, m, s, u)
 * and passes two checks against catastrophic backtracking (a ReDoS guard, since
 * end users choose the input):
 * - safe-regex2 (star height): no repetition inside a repetition, e.g. (a+)+ or (\w+\s?)*;
 *   it also refuses syntax its parser cannot read (lookbehind), since it cannot vouch for it;
 * - no alternation inside an unbounded repetition, e.g. (a|ab)* or (\w|\d)+, the
 *   exponential case star height misses.
 * Both are conservative: a few harmless patterns are refused (e.g. (,\d{3})* counts as
 * nested, write (,\d\d\d)* instead). Polynomial patterns (\d+\d+) pass; validateInput caps
 * input at 4096 characters, which keeps them cheap.
 */
export function checkRegexPattern(pattern: string, flags = ''): string | null {
  if (pattern.length === 0) return 'the pattern is empty';
  if (pattern.length > maxRegexPatternLength) return `the pattern is too long (max ${maxRegexPatternLength} characters)`;
  const flagProblem = checkFlags(flags);
  if (flagProblem !== null) return flagProblem;
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    return `not a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  let tree: Root;
  try {
    tree = tokenizeRegex(pattern);
  } catch {
    return 'the pattern uses syntax the backtracking check cannot read (e.g. lookbehind); rewrite it without';
  }
  if (!safeRegex(pattern)) {
    return 'the pattern risks catastrophic backtracking: a repetition inside a repetition, e.g. (a+)+; simplify it';
  }
  if (hasAlternationInUnboundedRepetition(tree, false)) {
    return 'the pattern risks catastrophic backtracking: alternatives inside * or +, e.g. (a|ab)*; use a character class like [ab]* instead';
  }
  return null;
}

function checkFlags(flags: string): string | null {
  const allowed: readonly string[] = allowedRegexFlags;
  for (const [index, flag] of [...flags].entries()) {
    if (!allowed.includes(flag)) return `unsupported flag "${flag}" (allowed: ${allowedRegexFlags.join(', ')})`;
    if (flags.indexOf(flag) !== index) return `flag "${flag}" is repeated`;
  }
  return null;
}

function hasAlternationInUnboundedRepetition(node: Root | Token, inUnbounded: boolean): boolean {
  switch (node.type) {
    case types.REPETITION:
      return hasAlternationInUnboundedRepetition(node.value, inUnbounded || !Number.isFinite(node.max));
    case types.ROOT:
    case types.GROUP: {
      const branches = node.options ?? (node.stack === undefined ? [] : [node.stack]);
      if (inUnbounded && branches.length > 1) return true;
      return branches.some((branch) => branch.some((child) => hasAlternationInUnboundedRepetition(child, inUnbounded)));
    }
    default:
      return false;
  }
}
