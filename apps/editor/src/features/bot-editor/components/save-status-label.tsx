'use client';

import type { SaveStatus } from '../document/autosave-controller';

const labels: Record<SaveStatus['kind'], string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  failed: 'Not saved',
  conflict: 'Not saved: conflict',
};

/** The draft's save state in the toolbar, announced politely to screen readers. */
export function SaveStatusLabel({ status, revision }: { status: SaveStatus; revision: number }) {
  const tone = status.kind === 'failed' || status.kind === 'conflict' ? 'text-destructive' : 'text-muted-foreground';
  return (
    <span role="status" aria-live="polite" data-testid="save-status" data-state={status.kind} className={`text-xs whitespace-nowrap ${tone}`} title={status.kind === 'failed' ? status.message : `Draft revision ${revision}`}>
      {labels[status.kind]}
    </span>
  );
}
