import Link from 'next/link';
import type { RouterOutputs } from '../../../trpc/browser-api';
import { EmptyState } from '../../../ui/empty-state';
import { formatDateTime } from '../../../ui/format-date-time';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from '../../../ui/table';

export type BotSummary = RouterOutputs['bots']['list'][number];

/** The workspace's bots as a table, or the empty state when there are none. */
export function BotsTable({ bots, canCreate }: { bots: BotSummary[]; canCreate: boolean }) {
  if (bots.length === 0) {
    return (
      <EmptyState id="no-bots-title" title="No bots yet">
        <p>{canCreate ? 'Create the first bot of this workspace with “New bot”.' : 'Bots created in this workspace will be listed here.'}</p>
      </EmptyState>
    );
  }
  return (
    <Table className="bots">
      <TableCaption>{bots.length === 1 ? '1 bot' : `${bots.length} bots`} in this workspace</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          <TableHead scope="col">Description</TableHead>
          <TableHead scope="col">Published</TableHead>
          <TableHead scope="col">Updated</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {bots.map((bot) => (
          <TableRow key={bot.id} data-bot-id={bot.id}>
            <TableRowHeader>
              <Link href={`/bots/${encodeURIComponent(bot.id)}`}>{bot.name}</Link>
            </TableRowHeader>
            <TableCell>{bot.description ? bot.description : <span className="text-muted-foreground">No description</span>}</TableCell>
            <TableCell>{bot.latestVersion === null ? <span className="text-muted-foreground">Draft only</span> : `Version ${bot.latestVersion}`}</TableCell>
            <TableCell>
              <time dateTime={bot.updatedAt}>{formatDateTime(bot.updatedAt)}</time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
