'use client';

import Link from 'next/link';
import { useState, type ReactNode, type Ref } from 'react';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { formatDateTime } from '../../../ui/format-date-time';
import { Input } from '../../../ui/input';
import { LinkPending } from '../../../ui/link-pending';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from '../../../ui/table';
import { filterBots } from '../model/filter-bots';

/** A row: a bot or a component as its list procedure gives it. */
export type DraftSummary = { id: string; name: string; description: string | null; latestVersion: number | null; updatedAt: string };

export type DraftsTableProps<T extends DraftSummary> = {
  /** At least one (the caller shows its own empty state when there are none). */
  items: readonly T[];
  /** What the rows are, e.g. { one: 'bot', many: 'bots' }. */
  noun: { one: string; many: string };
  hrefOf(item: T): string;
  searchRef?: Ref<HTMLInputElement>;
  /** Shown between the search box and the table (what a row action did). */
  notice?: ReactNode;
  /** A row's actions menu, in a last column. */
  actions?: (item: T) => ReactNode;
  tableClassName?: string;
  tableTestId?: string;
  /** Data attribute carrying each row's id, e.g. 'data-bot-id'. */
  rowIdAttribute: `data-${string}`;
};

/**
 * The workspace's bots or components as a table (name linking to the editor, "Opening…"
 * while it loads, description, latest published version, last change) with a search box
 * (name and description, as you type) and "No … match" with Clear search when it finds none.
 */
export function DraftsTable<T extends DraftSummary>({ items, noun, hrefOf, searchRef, notice, actions, tableClassName, tableTestId, rowIdAttribute }: DraftsTableProps<T>) {
  const [query, setQuery] = useState('');
  const shown = filterBots(items, query);
  const searching = query.trim() !== '';
  const total = items.length === 1 ? `1 ${noun.one}` : `${items.length} ${noun.many}`;
  return (
    <div className="grid gap-3">
      <div className="flex items-center gap-2">
        <Input ref={searchRef} type="search" aria-label={`Search ${noun.many}`} placeholder="Search by name or description" value={query} onChange={(event) => setQuery(event.target.value)} className="max-w-sm" />
      </div>
      {notice}
      {shown.length === 0 ? (
        <EmptyState
          id={`no-${noun.many}-match`}
          title={`No ${noun.many} match “${query.trim()}”`}
          action={
            <Button variant="outline" size="sm" onClick={() => setQuery('')}>
              Clear search
            </Button>
          }
        >
          <p>The search looks at names and descriptions of the {total} in this workspace.</p>
        </EmptyState>
      ) : (
        <Table className={tableClassName} data-testid={tableTestId}>
          <TableCaption>{searching ? `${shown.length} of ${total} match “${query.trim()}”` : `${total} in this workspace`}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col">Description</TableHead>
              <TableHead scope="col">Published</TableHead>
              <TableHead scope="col">Updated</TableHead>
              {actions && (
                <TableHead scope="col" className="w-12">
                  <span className="sr-only">Actions</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((item) => (
              <TableRow key={item.id} {...{ [rowIdAttribute]: item.id }}>
                <TableRowHeader>
                  <Link href={hrefOf(item)}>
                    {item.name}
                    <LinkPending />
                  </Link>
                </TableRowHeader>
                <TableCell>{item.description ? item.description : <span className="text-muted-foreground">No description</span>}</TableCell>
                <TableCell>{item.latestVersion === null ? <span className="text-muted-foreground">Draft only</span> : `Version ${item.latestVersion}`}</TableCell>
                <TableCell>
                  <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt)}</time>
                </TableCell>
                {actions && <TableCell className="py-1 text-right">{actions(item)}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
