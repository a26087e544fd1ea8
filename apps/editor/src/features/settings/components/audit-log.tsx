'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { browserApi, describeClientError, type RouterOutputs } from '../../../trpc/browser-api';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { formatDateTime } from '../../../ui/format-date-time';
import { FormStatus } from '../../../ui/form-status';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '../../../ui/table';
import { describeAuditDetails } from '../describe-audit-details';

type AuditPage = RouterOutputs['audit']['list'];

/** The audit log, newest first: the first page from the server, "Load more" for older entries. */
export function AuditLog({ firstPage }: { firstPage: AuditPage }) {
  const [entries, setEntries] = useState(firstPage.entries);
  const [cursor, setCursor] = useState(firstPage.nextCursor);
  const more = useMutation({
    mutationFn: (before: string) => browserApi.audit.list.query({ before }),
    onSuccess: (page) => {
      setEntries((previous) => [...previous, ...page.entries.filter((entry) => !previous.some((seen) => seen.id === entry.id))]);
      setCursor(page.nextCursor);
    },
  });

  if (entries.length === 0) {
    return (
      <EmptyState id="no-audit-entries" title="Nothing recorded yet">
        <p>Changes to members, invitations, API keys, channels and published bots, and every revealed secret, are recorded here.</p>
      </EmptyState>
    );
  }
  return (
    <div className="grid gap-4">
      <Table className="table-fixed">
        <TableCaption>
          {entries.length === 1 ? '1 entry' : `${entries.length} entries`}, newest first{cursor ? '; older ones load on demand' : ''}.
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col" className="w-32">
              When
            </TableHead>
            <TableHead scope="col" className="w-52">
              Who
            </TableHead>
            <TableHead scope="col" className="w-44">
              Action
            </TableHead>
            <TableHead scope="col" className="w-36">
              Target
            </TableHead>
            <TableHead scope="col">Details</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell className="text-xs">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </TableCell>
              <TableCell className="[overflow-wrap:anywhere]">
                {entry.actor.label}
                <span className="block text-xs text-muted-foreground">{entry.actor.type === 'api-key' ? 'API key' : 'person'}</span>
              </TableCell>
              <TableCell>
                <Badge variant="outline" className="font-mono">
                  {entry.action}
                </Badge>
              </TableCell>
              <TableCell>
                <span className="block text-xs text-muted-foreground">{entry.target.type}</span>
                <code className="block truncate text-xs" title={entry.target.id}>
                  {entry.target.id}
                </code>
              </TableCell>
              <TableCell className="text-xs [overflow-wrap:anywhere]">{describeAuditDetails(entry.details)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {more.isError && <FormStatus kind="error">Could not load older entries: {describeClientError(more.error)}</FormStatus>}
      {cursor && (
        <div>
          <Button variant="outline" onClick={() => more.mutate(cursor)} disabled={more.isPending}>
            {more.isPending ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  );
}
