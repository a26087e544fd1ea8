import { Skeleton } from '../../../../src/ui/skeleton';

/** The editor's frame while the component loads: toolbar, sidebar, canvas and settings placeholders. Next.js requires a default export. */
export default function Loading() {
  return (
    <div className="bot-editor-root flex h-[calc(100dvh-3.5rem)] flex-col" role="status" aria-label="Loading the component">
      <div className="flex h-12 items-center gap-3 border-b px-3">
        <Skeleton className="h-5 w-48" />
        <Skeleton className="ml-auto h-8 w-64" />
      </div>
      <div className="flex flex-1">
        <div className="grid w-60 content-start gap-2 border-r p-3">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} className="h-9" />
          ))}
        </div>
        <div className="grid flex-1 place-items-center">
          <p className="text-sm text-muted-foreground">Loading the component…</p>
        </div>
        <div className="w-[360px] border-l p-4">
          <Skeleton className="h-24" />
        </div>
      </div>
    </div>
  );
}
