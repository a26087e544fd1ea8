'use client';

import type { FlowIssue } from '@parley/engine';
import { elementRegistry } from '@parley/elements';
import { Button } from '../../../ui/button';
import { describeIssue } from '../../element-forms/form-model/describe-issue';
import { cn } from '../../../ui/cn';
import { CloseIcon } from '../../../ui/icons';
import { findElement } from '../document/flow-edits';
import { issueKey } from '../store/problems-store';
import { useFlow, useFlowStore, useProblems, useSelectionStore } from '../store/editor-stores';

/**
 * Every error (they block publishing) and warning (they do not; a person may acknowledge
 * one, which dims it) of the document, current a moment after each edit. Choosing a problem
 * opens its dialog, selects its element and puts the keyboard in the field it names.
 */
export function ProblemsPanel({ onClose, noun = 'bot' }: { onClose(): void; /** 'bot' or 'component' ("this bot can be published"). */ noun?: string }) {
  const errors = useProblems((state) => state.errors);
  const warnings = useProblems((state) => state.warnings);
  const acknowledged = useProblems((state) => state.acknowledged);
  const acknowledge = useProblems((state) => state.acknowledge);
  return (
    <section aria-labelledby="problems-title" className="flex h-full min-h-0 flex-col border-t bg-background">
      <header className="flex items-center gap-3 border-b px-3 py-1.5">
        <h2 id="problems-title" className="text-sm font-semibold">
          Problems
        </h2>
        <span className="text-xs text-muted-foreground">
          {errors.length} {errors.length === 1 ? 'error' : 'errors'} (block publishing) · {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
        </span>
        <Button variant="ghost" size="icon" className="ml-auto size-7" aria-label="Close problems" onClick={onClose}>
          <CloseIcon />
        </Button>
      </header>
      {errors.length + warnings.length === 0 ? (
        <p className="px-3 py-4 text-sm text-muted-foreground">No problems: this {noun} can be published.</p>
      ) : (
        <ul className="min-h-0 flex-1 overflow-y-auto" aria-label="Problems list">
          {errors.map((issue) => (
            <ProblemRow key={`e-${issueKey(issue)}`} issue={issue} severity="error" />
          ))}
          {warnings.map((issue) => (
            <ProblemRow key={`w-${issueKey(issue)}`} issue={issue} severity="warning" acknowledged={acknowledged.has(issueKey(issue))} onAcknowledge={() => acknowledge(issue)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemRow({ issue, severity, acknowledged = false, onAcknowledge }: { issue: FlowIssue; severity: 'error' | 'warning'; acknowledged?: boolean; onAcknowledge?: () => void }) {
  const place = useFlow((state) => describePlace(state.flow, issue));
  const message = useFlow((state) => describeIssue(issue.elementId ? findElement(state.flow, issue.elementId) : undefined, issue));
  const flowStore = useFlowStore();
  const selection = useSelectionStore();
  const go = () => {
    const flow = flowStore.getState().flow;
    const dialogId = issue.dialogId ?? (issue.elementId ? flow.dialogs.find((dialog) => dialog.elements.some((element) => element.id === issue.elementId))?.id : undefined);
    if (dialogId && issue.elementId) selection.getState().focusField(dialogId, issue.elementId, issue.field);
    else if (dialogId) selection.getState().openDialog(dialogId);
  };
  return (
    <li className={cn('flex items-start gap-2 border-b px-3 py-1.5 text-sm last:border-b-0', acknowledged && 'opacity-55')}>
      <span aria-hidden className={cn('mt-1.5 size-2 shrink-0 rounded-full', severity === 'error' ? 'bg-destructive' : 'bg-amber-500')} />
      <button type="button" className="min-w-0 flex-1 cursor-pointer text-left hover:underline" onClick={go} data-testid="problem" data-rule={issue.rule}>
        <span className="sr-only">{severity === 'error' ? 'Error' : 'Warning'}: </span>
        <span>{message}</span>
        <span className="block text-xs text-muted-foreground">{place}</span>
      </button>
      {severity === 'warning' && !acknowledged && onAcknowledge && (
        <Button variant="ghost" size="sm" className="h-7" onClick={onAcknowledge} aria-label={`Acknowledge warning: ${message}`}>
          Acknowledge
        </Button>
      )}
    </li>
  );
}

function describePlace(flow: Parameters<typeof findElement>[0], issue: FlowIssue): string {
  const dialog = flow.dialogs.find((candidate) => candidate.id === issue.dialogId || candidate.elements.some((element) => element.id === issue.elementId));
  const element = issue.elementId ? findElement(flow, issue.elementId) : undefined;
  const parts = [dialog ? `Dialog “${dialog.name}”` : undefined, element ? (element.name ?? elementRegistry[element.type].title) : undefined, issue.field];
  return parts.filter((part) => part !== undefined && part !== '').join(' › ') || issue.path || 'Bot settings';
}
