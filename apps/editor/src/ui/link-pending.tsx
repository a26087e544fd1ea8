'use client';

import { useLinkStatus } from 'next/link';

/**
 * Put inside a <Link>: while the page it opens is loading, says so next to the link text
 * (the editor pages render on the server and have no streamed loading frame, so that a
 * missing bot or component can answer 404). Announced politely to screen readers.
 */
export function LinkPending({ text = 'Opening…' }: { text?: string }) {
  const { pending } = useLinkStatus();
  return (
    <span role="status" aria-live="polite" className="ml-2 text-xs text-muted-foreground">
      {pending ? text : ''}
    </span>
  );
}
