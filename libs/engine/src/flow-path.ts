import type { FlowIssue } from './flow-issue-schema';

export type PathSegment = string | number;

/** ['dialogs', 0, 'elements', 2, 'text'] → 'dialogs[0].elements[2].text'. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/**
 * Builds an issue at `path` in the raw document, naming the enclosing dialog, element
 * or edge by id (read defensively: the document may be malformed) and the field inside it.
 */
export function issueAt(document: unknown, path: readonly PathSegment[], rule: string, message: string): FlowIssue {
  const issue: FlowIssue = { path: formatPath(path), rule, message };
  let fieldPath: readonly PathSegment[] = path;
  let container: unknown = document;
  let base = 0;
  const componentIndex = path[1];
  if (path[0] === 'components' && typeof componentIndex === 'number') {
    container = readAt(document, ['components', componentIndex]);
    const componentId = idOf(container);
    if (componentId !== undefined) issue.componentId = componentId;
    base = 2;
    fieldPath = path.slice(2);
  }
  const dialogIndex = path[base + 1];
  if (path[base] === 'dialogs' && typeof dialogIndex === 'number') {
    const dialog = readAt(container, ['dialogs', dialogIndex]);
    const dialogId = idOf(dialog);
    if (dialogId !== undefined) issue.dialogId = dialogId;
    const collection = path[base + 2];
    const itemIndex = path[base + 3];
    if ((collection === 'elements' || collection === 'edges') && typeof itemIndex === 'number') {
      const itemId = idOf(readAt(dialog, [collection, itemIndex]));
      if (itemId !== undefined) {
        if (collection === 'elements') issue.elementId = itemId;
        else issue.edgeId = itemId;
      }
      fieldPath = path.slice(base + 4);
    } else {
      fieldPath = path.slice(base + 2);
    }
  }
  const field = formatPath(fieldPath);
  if (field !== '') issue.field = field;
  return issue;
}

/** 'conditions[1].rules[0].value' → ['conditions', 1, 'rules', 0, 'value']; '' → []. */
export function parsePath(text: string): PathSegment[] {
  return [...text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? (match[1] ?? '') : Number(match[2])));
}

/** The value at `path` inside arbitrary data, or undefined. Never throws on plain data. */
export function readAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isRecord(current) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(value: unknown): string | undefined {
  const id = readAt(value, ['id']);
  return typeof id === 'string' ? id : undefined;
}
