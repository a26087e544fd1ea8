import type { z } from 'zod';

/** One problem with a procedure's input, named by the field it concerns. */
export type InputIssue = {
  /** Dotted path of the offending field (`draft.dialogs.0.name`), or `input` for the whole input. */
  field: string;
  message: string;
};

/** Flattens a zod error into one entry per problem, each naming its field. */
export function inputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : 'input',
    message: issue.message,
  }));
}

/** A one-line summary naming every offending field, e.g. "Invalid input: name: Too small …". */
export function describeInputIssues(issues: InputIssue[]): string {
  return `Invalid input: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`;
}
