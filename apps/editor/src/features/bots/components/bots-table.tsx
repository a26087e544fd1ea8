'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import { EmptyState } from '../../../ui/empty-state';
import { FormStatus } from '../../../ui/form-status';
import type { BotSummary } from '../model/bot-summary';
import { BotRowActions, type BotListNotice } from './bot-row-actions';
import { DraftsTable } from './drafts-table';

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
  return (
    <DraftsTable
      items={bots}
      noun={{ one: 'bot', many: 'bots' }}
      hrefOf={(bot) => `/bots/${encodeURIComponent(bot.id)}`}
      searchRef={search}
      tableClassName="bots"
      rowIdAttribute="data-bot-id"
      notice={
        notice && (
          <FormStatus kind={notice.kind}>
            {notice.text}
            {notice.link && (
              <>
                {' '}
                <Link href={notice.link.href}>{notice.link.label}</Link>
              </>
            )}
          </FormStatus>
        )
      }
      actions={(bot) => <BotRowActions bot={bot} canEdit={canEdit} onNotice={setNotice} focusList={focusList} />}
    />
  );
}
