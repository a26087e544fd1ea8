import type { ReactNode } from 'react';
import { cn } from './cn';

type EmptyStateProps = { id: string; title: string; children?: ReactNode; action?: ReactNode; className?: string };

/** What a list shows when it has nothing yet: a heading, a sentence, and the next step. */
export function EmptyState({ id, title, children, action, className }: EmptyStateProps) {
  return (
    <section aria-labelledby={id} className={cn('flex flex-col items-start gap-2 rounded-lg border border-dashed px-6 py-8', className)}>
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {children && <div className="text-sm text-muted-foreground">{children}</div>}
      {action}
    </section>
  );
}
