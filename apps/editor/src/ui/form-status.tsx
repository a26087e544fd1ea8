import type { ReactNode } from 'react';
import { cn } from './cn';

type FormStatusProps = { kind: 'error' | 'success'; children: ReactNode; className?: string };

/**
 * The outcome of a form or action, shown inline where it happened: errors as an
 * alert (announced at once), successes as a polite status.
 */
export function FormStatus({ kind, children, className }: FormStatusProps) {
  return (
    <p
      role={kind === 'error' ? 'alert' : 'status'}
      className={cn(
        'rounded-md border px-3 py-2 text-sm',
        kind === 'error' ? 'border-destructive/50 bg-destructive/5 text-destructive' : 'border-success/40 bg-success/5 text-success',
        className,
      )}
    >
      {children}
    </p>
  );
}
