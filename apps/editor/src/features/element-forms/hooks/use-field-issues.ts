'use client';

import { useMemo } from 'react';
import type { FieldPath } from '../../bot-editor/document/editor-flow';
import { useElementProblems } from '../../bot-editor/store/editor-stores';
import { formatFieldPath } from '../form-model/format-field-path';
import { inlineMessage } from '../form-model/inline-message';

export type FieldIssues = { readonly errors: readonly string[]; readonly warnings: readonly string[] };

const none: FieldIssues = { errors: [], warnings: [] };

/**
 * The messages of validation issues at exactly this field of the element (FlowIssue.field),
 * worded for display under the field (inlineMessage).
 * `ignoredRule` leaves out the issues of one rule, for a control that already says the same
 * thing itself (a key-value list names a duplicate key as soon as it is typed).
 */
export function useFieldIssues(elementId: string, path: FieldPath, ignoredRule?: string): FieldIssues {
  const problems = useElementProblems(elementId);
  const field = formatFieldPath(path);
  return useMemo(() => {
    const here = (issue: { field?: string | undefined; rule: string }) => issue.field === field && issue.rule !== ignoredRule;
    const errors = problems.errors.filter(here).map((issue) => inlineMessage(issue.message, field));
    const warnings = problems.warnings.filter(here).map((issue) => inlineMessage(issue.message, field));
    return errors.length === 0 && warnings.length === 0 ? none : { errors, warnings };
  }, [problems, field, ignoredRule]);
}
