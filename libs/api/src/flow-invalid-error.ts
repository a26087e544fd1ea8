import type { FlowIssue } from '@parley/engine';

/**
 * A flow document failed validateFlow. Thrown as the `cause` of a BAD_REQUEST
 * TRPCError; the error formatter copies `issues` into the response's
 * `error.data.issues`, so clients get every issue, not just the message.
 */
export class FlowInvalidError extends Error {
  override readonly name = 'FlowInvalidError';

  constructor(
    /** What was being validated, for the message: "Draft", "Flow" ... */
    readonly subject: string,
    readonly issues: FlowIssue[],
  ) {
    super(describeFlowIssues(subject, issues));
  }
}

/** How many issues the one-line message spells out; the rest are counted. */
const listedIssues = 5;

/** "Draft is not a valid flow (2 errors): element ask_name, field text: Required; …" */
export function describeFlowIssues(subject: string, issues: FlowIssue[]): string {
  const count = issues.length === 1 ? '1 error' : `${issues.length} errors`;
  const listed = issues.slice(0, listedIssues).map(describeFlowIssue);
  const more = issues.length > listedIssues ? `; and ${issues.length - listedIssues} more` : '';
  return `${subject} is not a valid flow (${count}): ${listed.join('; ')}${more}`;
}

/** One issue, located by element and field when it has them, else by its document path. */
export function describeFlowIssue(issue: FlowIssue): string {
  const where: string[] = [];
  if (issue.elementId !== undefined) where.push(`element ${issue.elementId}`);
  else if (issue.dialogId !== undefined) where.push(`dialog ${issue.dialogId}`);
  if (issue.field !== undefined) where.push(`field ${issue.field}`);
  if (where.length === 0) where.push(issue.path === '' ? 'flow' : issue.path);
  return `${where.join(', ')}: ${issue.message}`;
}
