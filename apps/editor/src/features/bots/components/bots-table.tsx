'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { formatDateTime } from '../../../ui/format-date-time';
import { FormStatus } from '../../../ui/form-status';
import { Input } from '../../../ui/input';
import { LinkPending } from '../../../ui/link-pending';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from '../../../ui/table';
import type { BotSummary } from '../model/bot-summary';
import { filterBots } from '../model/filter-bots';
import { BotRowActions, type BotListNotice } from './bot-row-actions';

type BotsTableProps = {
  bots: BotSummary[];
  /** Builders and owners: the empty state points at "New bot", rows offer Rename, Duplicate and Delete. */
  canEdit: boolean;
};

/**
 * The workspace's bots as a table with a search box (by name and description, as you
 * type, in the browser) and each row's actions menu; the empty state when there are no
 * bots, and "No bots match …" when the search finds none. What a row action did (or why
 * it failed) shows above the table.
 */
export function BotsTable({ bots, canEdit }: BotsTableProps) {
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<BotListNotice | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const focusList = () => {
    if (search.current) search.current.focus();
    else document.getElementById('content')?.focus();
  };
  if (bots.length === 0) {
    return (
      <div className="grid gap-3">
        {notice && <FormStatus kind={notice.kind}>{notice.text}</FormStatus>}
        <EmptyState id="no-bots-title" title="No bots yet">
          <p>{canEdit ? 'Create the first bot of this workspace with “New bot”, or import one from a file.' : 'Bots created in this workspace will be listed here.'}</p>
        </EmptyState>
      </div>
    );
  }
  const shown = filterBots(bots, query);
  const searching = query.trim() !== '';
  const total = bots.length === 1 ? '1 bot' : `${bots.length} bots`;
  return (
    <div className="grid gap-3">
      <div className="flex items-center gap-2">
        <Input ref={search} type="search" aria-label="Search bots" placeholder="Search by name or description" value={query} onChange={(event) => setQuery(event.target.value)} className="max-w-sm" />
      </div>
      {notice && (
        <FormStatus kind={notice.kind}>
          {notice.text}
          {notice.link && (
            <>
              {' '}
              <Link href={notice.link.href}>{notice.link.label}</Link>
            </>
          )}
        </FormStatus>
      )}
      {shown.length === 0 ? (
        <EmptyState
          id="no-bots-match"
          title={`No bots match “${query.trim()}”`}
          action={
            <Button variant="outline" size="sm" onClick={() => setQuery('')}>
              Clear search
            </Button>
          }
        >
          <p>The search looks at names and descriptions of the {total} in this workspace.</p>
        </EmptyState>
      ) : (
        <Table className="bots">
          <TableCaption>{searching ? `${shown.length} of ${total} match “${query.trim()}”` : `${total} in this workspace`}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col">Description</TableHead>
              <TableHead scope="col">Published</TableHead>
              <TableHead scope="col">Updated</TableHead>
              <TableHead scope="col" className="w-12">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((bot) => (
              <TableRow key={bot.id} data-bot-id={bot.id}>
                <TableRowHeader>
                  <Link href={`/bots/${encodeURIComponent(bot.id)}`}>
                    {bot.name}
                    <LinkPending />
                  </Link>
                </TableRowHeader>
                <TableCell>{bot.description ? bot.description : <span className="text-muted-foreground">No description</span>}</TableCell>
                <TableCell>{bot.latestVersion === null ? <span className="text-muted-foreground">Draft only</span> : `Version ${bot.latestVersion}`}</TableCell>
                <TableCell>
                  <time dateTime={bot.updatedAt}>{formatDateTime(bot.updatedAt)}</time>
                </TableCell>
                <TableCell className="py-1 text-right">
                  <BotRowActions bot={bot} canEdit={canEdit} onNotice={setNotice} focusList={focusList} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
