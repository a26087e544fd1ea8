import { Skeleton } from './skeleton';

/** A page's loading state (a route's loading.tsx): announced politely, shaped like a header over a table. */
export function PageLoading() {
  return (
    <div role="status" aria-live="polite" className="grid gap-4">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <Skeleton className="h-48 w-full" />
    </div>
  );
}
