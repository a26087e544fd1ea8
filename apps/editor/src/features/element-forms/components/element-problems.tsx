'use client';

import type { FlowIssue } from '@parley/engine';
import { useElementProblems, useFlow, useSelectionStore } from '../../bot-editor/store/editor-stores';
import { describeIssue } from '../form-model/describe-issue';
import { findElement } from '../../bot-editor/document/flow-edits';

function IssueMessage({ issue, elementId }: { issue: FlowIssue; elementId: string }) {
  return <>{useFlow((state) => describeIssue(findElement(state.flow, elementId), issue))}</>;
}

/**
 * The element's problems in one list at the top of its settings (closed: its summary line
 * says how many), each a button that takes
 * the keyboard to its field (the same focus request the Problems panel makes). Inline
 * messages sit under each field too; this list also holds those without a field of their
 * own (the element as a whole, placeholders in several fields ...).
 */
export function ElementProblems({ elementId }: { elementId: string }) {
  const problems = useElementProblems(elementId);
  const selection = useSelectionStore();
  const all = [...problems.errors.map((issue) => ({ issue, error: true })), ...problems.warnings.map((issue) => ({ issue, error: false }))];
  // Always one line high, closed until the person opens it: problems appearing a moment
  // after an edit must not push the field being edited down the panel.
  if (all.length === 0) return <p className="rounded-md border px-3 py-2 text-sm text-muted-foreground">No problems</p>;
  const errors = problems.errors.length;
  const warnings = problems.warnings.length;
  const summary = [
    errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '',
    warnings > 0 ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <details
      className={errors > 0 ? 'rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm' : 'rounded-md border px-3 py-2 text-sm'}
    >
      <summary className="cursor-pointer font-medium">{summary}</summary>
      <ul className="mt-2 grid gap-1">
        {all.map(({ issue, error }, index) => (
          <li key={`${issue.rule}@${issue.path}:${index}`}>
            <button
              type="button"
              className="w-full cursor-pointer rounded-sm text-left underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
              onClick={() => selection.getState().focusField(selection.getState().dialogId, elementId, issue.field)}
            >
              <span className={error ? 'text-destructive' : 'text-amber-700 dark:text-amber-400'}>{error ? 'Error' : 'Warning'}: </span>
              <IssueMessage issue={issue} elementId={elementId} />
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
