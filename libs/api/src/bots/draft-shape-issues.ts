import { elementSchemas } from '@parley/elements';
import { currentFlowVersion, type FlowIssue } from '@parley/engine';
import type { z } from 'zod';
import { isRecord } from '../components/flow-elements';
import { draftShapeSchema } from './draft-shape-schema';

type Segment = string | number;

/**
 * The problems that keep `document` from being stored even as a work-in-progress draft
 * (see draftShapeSchema, or the `shape` given: a component's); [] when it has the draft shape. Issues are located like
 * validateFlow's (path from the root, enclosing dialog / element / edge ids, field
 * inside them) and use its rule ids: `required`, `invalid-type`, `unsupported-version`,
 * `too-few` (no dialog), `unknown-element-type`.
 */
export function draftShapeIssues(document: unknown, shape: DraftShape = flowDraftShape): FlowIssue[] {
  const parsed = shape.schema.safeParse(document);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => toFlowIssue(issue, document, shape.documentKind));
}

/** The skeleton a draft is checked against, and what to call such a document in messages ("a flow document"). */
export type DraftShape = { schema: z.ZodType; documentKind: string };

const flowDraftShape: DraftShape = { schema: draftShapeSchema, documentKind: 'a flow document' };

function toFlowIssue(issue: z.core.$ZodIssue, document: unknown, documentKind: string): FlowIssue {
  const path = issue.path.map((segment): Segment => (typeof segment === 'number' ? segment : String(segment)));
  const located = locate(document, path);
  const name = located.field === undefined ? (path.length === 0 ? 'The draft' : `\`${formatPath(path)}\``) : `\`${located.field}\``;
  const value = readAt(document, path);
  const [rule, message] = ((): [string, string] => {
    if (path.length === 0) return ['invalid-type', `The draft must be a JSON object (${documentKind}).`];
    if (issue.code === 'invalid_value') return ['unsupported-version', `${name} must be ${currentFlowVersion} (the flow format version).`];
    if (issue.code === 'too_small') return ['too-few', 'A flow needs at least one dialog.'];
    if (issue.code === 'custom') {
      return ['unknown-element-type', `Element type "${String(value)}" is unknown; use one of: ${Object.keys(elementSchemas).join(', ')}.`];
    }
    if (issue.code === 'invalid_type') {
      const expected = String(issue.expected);
      return value === undefined ? ['required', `${name} is required (${article(expected)}).`] : ['invalid-type', `${name} must be ${article(expected)}.`];
    }
    return ['invalid', `${name}: ${issue.message}.`];
  })();
  return { ...located, rule, message };
}

/** Path, enclosing dialog / element / edge ids and the field inside them, read defensively. */
function locate(document: unknown, path: readonly Segment[]): Omit<FlowIssue, 'rule' | 'message'> {
  const located: Omit<FlowIssue, 'rule' | 'message'> = { path: formatPath(path) };
  let fieldPath = path;
  if (path[0] === 'dialogs' && typeof path[1] === 'number') {
    const dialog = readAt(document, path.slice(0, 2));
    const dialogId = idOf(dialog);
    if (dialogId !== undefined) located.dialogId = dialogId;
    fieldPath = path.slice(2);
    const collection = path[2];
    if ((collection === 'elements' || collection === 'edges') && typeof path[3] === 'number') {
      const itemId = idOf(readAt(dialog, path.slice(2, 4)));
      if (itemId !== undefined) located[collection === 'elements' ? 'elementId' : 'edgeId'] = itemId;
      fieldPath = path.slice(4);
    }
  }
  const field = formatPath(fieldPath);
  if (field !== '') located.field = field;
  return located;
}

/** ['dialogs', 0, 'elements', 2, 'type'] → 'dialogs[0].elements[2].type'. */
function formatPath(path: readonly Segment[]): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`), '');
}

function readAt(value: unknown, path: readonly Segment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isRecord(current) ? current[segment] : undefined;
  }
  return current;
}

function idOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value['id'] === 'string' ? value['id'] : undefined;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
