'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type ComponentProps } from 'react';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import { Button } from '../../../ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '../../../ui/dropdown-menu';
import { downloadFile } from '../model/download-file';
import { exportFileName } from '../model/export-file-name';
import { readableFlowJson } from '../model/readable-flow-json';
import type { BotSummary } from '../model/bot-summary';
import { DeleteBotDialog } from './delete-bot-dialog';
import { RenameBotDialog } from './rename-bot-dialog';

/** What a row action reports to the list: a success (with a link to follow) or a failure. */
export type BotListNotice = { kind: 'success' | 'error'; text: string; link?: { href: string; label: string } };

type BotRowActionsProps = {
  bot: BotSummary;
  /** Builders and owners: Rename, Duplicate and Delete too (the API checks regardless). */
  canEdit: boolean;
  onNotice(notice: BotListNotice): void;
  /** Puts focus back in the list after this bot was deleted (its row, and the menu button, are gone). */
  focusList(): void;
};

function MoreIcon(props: ComponentProps<'svg'>) {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 24 24" fill="currentColor" {...props}>
      <circle cx="5" cy="12" r="1.8" />
      <circle cx="12" cy="12" r="1.8" />
      <circle cx="19" cy="12" r="1.8" />
    </svg>
  );
}

/**
 * A bot row's actions menu ("Actions for <name>"): Open, Export (the draft from bots.get
 * as `<name>.parley.json`, pretty JSON), and for builders and owners Rename (dialog),
 * Duplicate (the list refreshes with the copy and offers to open it) and Delete
 * (confirmation naming the bot). Focus returns to the menu button after a dialog.
 */
export function BotRowActions({ bot, canEdit, onNotice, focusList }: BotRowActionsProps) {
  const router = useRouter();
  const trigger = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const deleted = useRef(false);
  const href = `/bots/${encodeURIComponent(bot.id)}`;
  const returnFocus = (event: Event) => {
    event.preventDefault();
    if (deleted.current) focusList();
    else trigger.current?.focus();
  };

  const exportDraft = async () => {
    setBusy(true);
    try {
      const detail = await browserApi.bots.get.query({ id: bot.id });
      const fileName = exportFileName(detail.name);
      downloadFile(fileName, readableFlowJson(detail.draft));
      onNotice({ kind: 'success', text: `Exported “${detail.name}” as ${fileName}.` });
    } catch (error) {
      onNotice({ kind: 'error', text: `Could not export “${bot.name}”: ${describeClientError(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const duplicate = async () => {
    setBusy(true);
    try {
      const copy = await browserApi.bots.duplicate.mutate({ id: bot.id });
      router.refresh();
      onNotice({ kind: 'success', text: `Duplicated “${bot.name}”.`, link: { href: `/bots/${encodeURIComponent(copy.id)}`, label: 'Open the copy' } });
    } catch (error) {
      onNotice({ kind: 'error', text: `Could not duplicate “${bot.name}”: ${describeClientError(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} variant="ghost" size="icon" aria-label={`Actions for ${bot.name}`} disabled={busy} data-testid="bot-actions">
            <MoreIcon />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem asChild>
            <Link href={href}>Open</Link>
          </DropdownMenuItem>
          {canEdit && <DropdownMenuItem onSelect={() => setDialog('rename')}>Rename…</DropdownMenuItem>}
          {canEdit && <DropdownMenuItem onSelect={() => void duplicate()}>Duplicate</DropdownMenuItem>}
          <DropdownMenuItem onSelect={() => void exportDraft()}>Export</DropdownMenuItem>
          {canEdit && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem className="text-destructive data-[highlighted]:text-destructive" onSelect={() => setDialog('delete')}>
                Delete…
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {canEdit && (
        <>
          <RenameBotDialog
            bot={bot}
            open={dialog === 'rename'}
            onOpenChange={(open) => setDialog(open ? 'rename' : null)}
            onCloseAutoFocus={returnFocus}
            onRenamed={(name) => {
              router.refresh();
              onNotice({ kind: 'success', text: name === bot.name ? `Saved “${name}”.` : `Renamed “${bot.name}” to “${name}”.` });
            }}
          />
          <DeleteBotDialog
            bot={bot}
            open={dialog === 'delete'}
            onOpenChange={(open) => setDialog(open ? 'delete' : null)}
            onCloseAutoFocus={returnFocus}
            onDeleted={() => {
              deleted.current = true;
              router.refresh();
              onNotice({ kind: 'success', text: `Deleted “${bot.name}”.` });
            }}
          />
        </>
      )}
    </>
  );
}
