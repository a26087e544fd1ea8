'use client';

import type { RouterOutputs } from '../../../trpc/browser-api';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { formatDateTime } from '../../../ui/format-date-time';
import { FormStatus } from '../../../ui/form-status';
import { Skeleton } from '../../../ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from '../../../ui/table';

export type VersionSummary = RouterOutputs['bots']['versions'][number];

export type VersionsState = { kind: 'loading' } | { kind: 'failed'; message: string; retry(): void } | { kind: 'ready'; versions: readonly VersionSummary[] };

type VersionHistoryProps = {
  state: VersionsState;
  /** Builders and owners: each row offers Restore. */
  canRestore: boolean;
  onCompare(number: number): void;
  onRestore(number: number): void;
};

/** The published versions, newest first (number, date, note, publisher), each with Compare (with the draft) and Restore; loading, empty and error states. */
export function VersionHistory({ state, canRestore, onCompare, onRestore }: VersionHistoryProps) {
  if (state.kind === 'loading') {
    return (
      <div role="status" className="grid gap-2">
        <span className="sr-only">Loading versions…</span>
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-9 w-full" />
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className="grid justify-items-start gap-2">
        <FormStatus kind="error">Could not load the versions: {state.message}</FormStatus>
        <Button variant="outline" size="sm" onClick={state.retry}>
          Try again
        </Button>
      </div>
    );
  }
  if (state.versions.length === 0) {
    return (
      <EmptyState id="no-versions-title" title="No versions yet — publish to create version 1">
        <p>Each publish keeps the flow as a numbered version you can compare with the draft and restore.</p>
      </EmptyState>
    );
  }
  return (
    <Table data-testid="versions-table">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Version</TableHead>
          <TableHead scope="col">Published</TableHead>
          <TableHead scope="col">Note</TableHead>
          <TableHead scope="col">By</TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {state.versions.map((version) => (
          <TableRow key={version.number} data-testid="version-row" data-version={version.number}>
            <TableRowHeader className="whitespace-nowrap">Version {version.number}</TableRowHeader>
            <TableCell className="whitespace-nowrap">
              <time dateTime={version.publishedAt}>{formatDateTime(version.publishedAt)}</time>
            </TableCell>
            <TableCell className="max-w-md">{version.note ? <span className="break-words">{version.note}</span> : <span className="text-muted-foreground">No note</span>}</TableCell>
            <TableCell className="whitespace-nowrap">{version.publishedBy ? version.publishedBy.name : <span className="text-muted-foreground">An API key or a removed account</span>}</TableCell>
            <TableCell className="py-1.5">
              <div className="flex justify-end gap-2">
                <Button variant="outline" size="sm" aria-label={`Compare version ${version.number} with the draft`} onClick={() => onCompare(version.number)}>
                  Compare
                </Button>
                {canRestore && (
                  <Button variant="outline" size="sm" aria-label={`Restore version ${version.number}`} onClick={() => onRestore(version.number)}>
                    Restore…
                  </Button>
                )}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
