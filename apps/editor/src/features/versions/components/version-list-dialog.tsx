'use client';

import { useQuery } from '@tanstack/react-query';
import { describeClientError } from '../../../trpc/browser-api';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { formatDateTime } from '../../../ui/format-date-time';
import { FormStatus } from '../../../ui/form-status';
import { Skeleton } from '../../../ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from '../../../ui/table';

export type VersionListDialogProps = {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Query key of the list (refetched each time the dialog opens). */
  queryKey: readonly unknown[];
  listVersions(): Promise<readonly { number: number; publishedAt: string }[]>;
  /** 'component' ("No versions yet: publish the component …"). */
  noun: string;
};

/**
 * The published versions of a document, newest first, read only (number and date):
 * the Versions dialog of a component. Loading, empty and error states.
 */
export function VersionListDialog({ open, onOpenChange, queryKey, listVersions, noun }: VersionListDialogProps) {
  const versions = useQuery({ queryKey, queryFn: () => listVersions(), enabled: open, staleTime: 0 });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-lg" data-testid="versions-dialog">
        <DialogHeader>
          <DialogTitle>Versions</DialogTitle>
          <DialogDescription>Every publish keeps the {noun} as a numbered version; a bot embeds the latest when the bot is published.</DialogDescription>
        </DialogHeader>
        {versions.isError ? (
          <FormStatus kind="error">
            Cannot load the versions: {describeClientError(versions.error)}{' '}
            <Button variant="outline" size="sm" onClick={() => void versions.refetch()}>
              Try again
            </Button>
          </FormStatus>
        ) : versions.data === undefined ? (
          <Skeleton className="h-24 w-full" />
        ) : versions.data.length === 0 ? (
          <EmptyState id="no-versions-title" title="No versions yet">
            <p>Publish the {noun} to create version 1.</p>
          </EmptyState>
        ) : (
          <div className="max-h-96 overflow-y-auto">
            <Table data-testid="versions-table">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Version</TableHead>
                  <TableHead scope="col">Published</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {versions.data.map((version) => (
                  <TableRow key={version.number}>
                    <TableRowHeader>v{version.number}</TableRowHeader>
                    <TableCell>
                      <time dateTime={version.publishedAt}>{formatDateTime(version.publishedAt)}</time>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
