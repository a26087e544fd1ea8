'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { formatDateTime } from '../../../ui/format-date-time';
import { Input } from '../../../ui/input';
import { LinkPending } from '../../../ui/link-pending';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from '../../../ui/table';
import { filterBots } from '../../bots/model/filter-bots';
import type { ComponentSummary } from '../model/component-summary';

type ComponentsTableProps = {
  components: ComponentSummary[];
  /** Builders and owners: the empty state points at "New component". */
  canEdit: boolean;
};

/**
 * The workspace's components as a table (name linking to the editor, description, latest
 * published version, last change) with a search box (name and description, as you
 * type); the empty state when there are none, and "No components match …".
 */
export function ComponentsTable({ components, canEdit }: ComponentsTableProps) {
  const [query, setQuery] = useState('');
  if (components.length === 0) {
    return (
      <EmptyState id="no-components-title" title="No components yet">
        <p>
          {canEdit
            ? 'A component is a piece of conversation (its own dialogs, inputs and outputs) that bots reuse with the Component element. Create one with “New component”.'
            : 'Components created in this workspace will be listed here.'}
        </p>
      </EmptyState>
    );
  }
  const shown = filterBots(components, query);
  const searching = query.trim() !== '';
  const total = components.length === 1 ? '1 component' : `${components.length} components`;
  return (
    <div className="grid gap-3">
      <Input type="search" aria-label="Search components" placeholder="Search by name or description" value={query} onChange={(event) => setQuery(event.target.value)} className="max-w-sm" />
      {shown.length === 0 ? (
        <EmptyState
          id="no-components-match"
          title={`No components match “${query.trim()}”`}
          action={
            <Button variant="outline" size="sm" onClick={() => setQuery('')}>
              Clear search
            </Button>
          }
        >
          <p>The search looks at names and descriptions of the {total} in this workspace.</p>
        </EmptyState>
      ) : (
        <Table data-testid="components-table">
          <TableCaption>{searching ? `${shown.length} of ${total} match “${query.trim()}”` : `${total} in this workspace`}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col">Description</TableHead>
              <TableHead scope="col">Published</TableHead>
              <TableHead scope="col">Updated</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((component) => (
              <TableRow key={component.id} data-component-id={component.id}>
                <TableRowHeader>
                  <Link href={`/components/${encodeURIComponent(component.id)}`}>
                    {component.name}
                    <LinkPending />
                  </Link>
                </TableRowHeader>
                <TableCell>{component.description ? component.description : <span className="text-muted-foreground">No description</span>}</TableCell>
                <TableCell>{component.latestVersion === null ? <span className="text-muted-foreground">Draft only</span> : `Version ${component.latestVersion}`}</TableCell>
                <TableCell>
                  <time dateTime={component.updatedAt}>{formatDateTime(component.updatedAt)}</time>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
