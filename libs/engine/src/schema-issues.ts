import type { z } from 'zod';
import type { FlowIssue } from './flow-issue-schema';
import { formatPath, issueAt, readAt, type PathSegment } from './flow-path';

/**
 * Turns zod's issues for a flow document into FlowIssues that name the field, with
 * stable rule ids: required, invalid-type, unknown-field, unknown-element-type,
 * invalid-value, too-long, too-short, too-many, too-few, too-big, too-small,
 * invalid-format, invalid.
 */
export function schemaIssues(error: z.ZodError, document: unknown): FlowIssue[] {
  return error.issues.flatMap((issue) => describe(issue, document));
}

function describe(issue: z.core.$ZodIssue, document: unknown): FlowIssue[] {
  const path = issue.path.map((segment): PathSegment => (typeof segment === 'number' ? segment : String(segment)));
  const at = (rule: string, message: string): FlowIssue => issueAt(document, path, rule, message);
  const name = fieldName(document, path);
  switch (issue.code) {
    case 'invalid_type': {
      const missing = readAt(document, path) === undefined && readAt(document, path.slice(0, -1)) !== undefined;
      return [
        missing
          ? at('required', `${name} is required.`)
          : at('invalid-type', `${name} must be ${article(String(issue.expected))}.`),
      ];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        issueAt(document, [...path, key], 'unknown-field', `Unknown field ${fieldName(document, [...path, key])}; check its spelling.`),
      );
    case 'invalid_union':
      if (issue.discriminator !== undefined) {
        const options = ('options' in issue ? (issue.options ?? []) : []).map(String).join(', ');
        const got = readAt(document, path);
        return [
          at(
            path.at(-3) === 'elements' ? 'unknown-element-type' : 'invalid-value',
            `${name} must be one of: ${options}${typeof got === 'string' ? ` (got "${got}")` : ''}.`,
          ),
        ];
      }
      return [at('invalid', `${name} is not valid: ${issue.message}.`)];
    case 'invalid_value':
      return [at('invalid-value', `${name} must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}.`)];
    case 'too_big':
      return [at(...bound('max', issue.origin, issue.maximum, name))];
    case 'too_small':
      return [at(...bound('min', issue.origin, issue.minimum, name))];
    case 'invalid_format':
      return [at('invalid-format', `${name}: ${issue.message}.`)];
    default:
      return [at('invalid', `${name}: ${issue.message}.`)];
  }
}

function bound(kind: 'min' | 'max', origin: string, limit: number | bigint, name: string): [string, string] {
  const most = kind === 'max' ? 'at most' : 'at least';
  const empty = kind === 'min' && Number(limit) === 1;
  switch (origin) {
    case 'string':
      return [kind === 'max' ? 'too-long' : 'too-short', empty ? `${name} must not be empty.` : `${name} must be ${most} ${limit} characters long.`];
    case 'array':
      return [kind === 'max' ? 'too-many' : 'too-few', empty ? `${name} needs at least one item.` : `${name} must have ${most} ${limit} items.`];
    default:
      return [kind === 'max' ? 'too-big' : 'too-small', `${name} must be ${most} ${limit}.`];
  }
}

// Named as the editor shows it: relative to the element, edge or dialog when inside one.
function fieldName(document: unknown, path: readonly PathSegment[]): string {
  if (path.length === 0) return 'The document';
  const located = issueAt(document, path, '', '');
  return `\`${located.field ?? formatPath(path)}\``;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
