'use client';

import { useContext, type ReactNode } from 'react';
import { cn } from '../../../ui/cn';
import { Label } from '../../../ui/label';
import type { FieldIssues } from '../hooks/use-field-issues';
import { HintsContext } from './hints-context';

/** What a control needs to be tied to its label, hint, counter and messages. */
export type ControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

type FieldShellProps = {
  /** The control's id (the label points at it). */
  id: string;
  /** The issue path of the field ('buttons[1].label'): a focus request for it lands here. */
  field: string;
  label: string;
  /** Hides the label visually (it still names the control), for rows that show column headings. */
  labelHidden?: boolean;
  hint?: string | undefined;
  /** Text length against the limit, e.g. 12 / 20. */
  counter?: { length: number; max: number } | undefined;
  issues: FieldIssues;
  /** A problem found by the form itself before validation runs (a duplicate key, "At most 30" ...). */
  localProblem?: string | undefined;
  /** Label and control side by side (switches). */
  inline?: boolean;
  /** Shown at the end of the label row (e.g. a list's actions). */
  actions?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/**
 * One labelled control with its hint, length counter and messages. The control gets the
 * label's id target, aria-invalid while there is an error, and aria-describedby naming
 * the hint, counter and messages. Messages sit in a polite live region that is always
 * present, so an error that appears after an edit is announced.
 */
export function FieldShell({
  id,
  field,
  label,
  labelHidden,
  hint: givenHint,
  counter,
  issues,
  localProblem,
  inline,
  actions,
  className,
  children,
}: FieldShellProps) {
  const hint = useContext(HintsContext) ? givenHint : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const counterId = counter ? `${id}-counter` : undefined;
  const errors = localProblem !== undefined && !issues.errors.includes(localProblem) ? [localProblem, ...issues.errors] : issues.errors;
  const messagesId = errors.length > 0 || issues.warnings.length > 0 ? `${id}-messages` : undefined;
  const describedBy = [hintId, counterId, messagesId].filter(Boolean).join(' ') || undefined;
  const control = children({ id, 'aria-invalid': errors.length > 0, 'aria-describedby': describedBy });
  const over = counter !== undefined && counter.length > counter.max;
  return (
    <div className={cn('grid min-w-0 gap-1.5', className)} data-field={field}>
      {inline ? (
        <div className="flex items-center justify-between gap-3">
          <Label id={`${id}-label`} htmlFor={id} className={cn('leading-snug', labelHidden && 'sr-only')}>
            {label}
          </Label>
          <div className="flex shrink-0 items-center gap-1">
            {actions}
            {control}
          </div>
        </div>
      ) : (
        <>
          <div className={cn('flex min-h-5 items-center justify-between gap-2', labelHidden && !actions && 'sr-only')}>
            <Label id={`${id}-label`} htmlFor={id} className={cn('leading-snug', labelHidden && 'sr-only')}>
              {label}
            </Label>
            {actions && <div className="flex shrink-0 items-center gap-0.5">{actions}</div>}
          </div>
          {control}
        </>
      )}
      {(hint || counter) && (
        <div className="flex items-start justify-between gap-2">
          {hint ? (
            <p id={hintId} className="line-clamp-3 text-xs text-muted-foreground" title={hint}>
              {hint}
            </p>
          ) : (
            <span />
          )}
          {counter && (
            <p id={counterId} className={cn('shrink-0 text-xs tabular-nums', over ? 'text-destructive' : 'text-muted-foreground')}>
              <span className="sr-only">Length: </span>
              {counter.length} / {counter.max}
            </p>
          )}
        </div>
      )}
      <div id={messagesId ?? `${id}-messages`} aria-live="polite" className="[overflow-wrap:anywhere] empty:-mt-1.5">
        {errors.map((message) => (
          <p key={`e:${message}`} className="text-sm text-destructive">
            {message}
          </p>
        ))}
        {issues.warnings.map((message) => (
          <p key={`w:${message}`} className="text-sm text-amber-700 dark:text-amber-400">
            Warning: {message}
          </p>
        ))}
      </div>
    </div>
  );
}
