'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../../ui/tabs';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { orderSides, type CompareSide } from '../model/compare-side';
import { RestoreVersionDialog } from './restore-version-dialog';
import { VersionCompare } from './version-compare';
import { VersionHistory, type VersionsState } from './version-history';

export type VersionsDialogProps = {
  botId: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The open draft (compare a version with it). */
  draft: EditorFlow;
  /** After bots.restoreVersion succeeded: the restored flow and the draft's new revision. */
  onRestored(flow: EditorFlow, draftRevision: number): void;
  /** Analysts: history and Compare only, no Restore (the API refuses it regardless). Default false. */
  readOnly?: boolean | undefined;
  /** The draft revision the editor holds, sent as `expectedRevision`: a teammate's newer save is then refused, not overwritten. */
  draftRevision?: number | undefined;
};

type Tab = 'history' | 'compare';

/**
 * The bot's version history in a large dialog (fits 1280×720): History lists the
 * published versions (number, date, note, publisher) with Compare and Restore (confirmed;
 * bots.restoreVersion, then onRestored with the version's flow and the new revision, and
 * the dialog closes); Compare draws the differences of any two of {the draft, version N …}
 * on a read-only canvas. Loading, empty ("No versions yet …") and error states.
 */
export function VersionsDialog({ botId, open, onOpenChange, draft, onRestored, readOnly = false, draftRevision }: VersionsDialogProps) {
  const [tab, setTab] = useState<Tab>('history');
  const [pair, setPair] = useState<{ a: CompareSide; b: CompareSide } | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const versions = useQuery({
    queryKey: ['bots.versions', botId],
    queryFn: ({ signal }) => browserApi.bots.versions.query({ id: botId }, { signal }),
    enabled: open,
    staleTime: 0,
  });
  const state: VersionsState = versions.isError
    ? { kind: 'failed', message: describeClientError(versions.error), retry: () => void versions.refetch() }
    : versions.data
      ? { kind: 'ready', versions: versions.data }
      : { kind: 'loading' };
  const numbers = versions.data?.map((version) => version.number) ?? [];
  const latest = numbers[0];
  // Default comparison: the latest version (A) with the draft (B).
  const shown = pair ?? (latest === undefined ? null : { a: latest, b: 'draft' });

  const changeOpen = (next: boolean) => {
    if (!next) {
      setTab('history');
      setPair(null);
    }
    onOpenChange(next);
  };
  const compare = (number: number) => {
    setPair({ a: number, b: 'draft' });
    setTab('compare');
  };

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogContent className="flex h-[calc(100vh-2rem)] max-h-[56rem] w-[calc(100vw-2rem)] max-w-[88rem] flex-col gap-3 p-5" data-testid="versions-dialog">
        <DialogHeader>
          <DialogTitle>Versions</DialogTitle>
          <DialogDescription>Every publish keeps the flow as a numbered version. Compare any two, or restore one into the draft.</DialogDescription>
        </DialogHeader>
        <Tabs value={tab} onValueChange={(next) => setTab(next === 'compare' ? 'compare' : 'history')} className="flex min-h-0 flex-1 flex-col">
          <TabsList className="self-start">
            <TabsTrigger value="history">History</TabsTrigger>
            <TabsTrigger value="compare">Compare</TabsTrigger>
          </TabsList>
          <TabsContent value="history" className="min-h-0 flex-1 overflow-y-auto">
            <VersionHistory state={state} canRestore={!readOnly} onCompare={compare} onRestore={setRestoring} />
          </TabsContent>
          <TabsContent value="compare" className="flex min-h-0 flex-1 flex-col data-[state=inactive]:hidden">
            {shown ? (
              <VersionCompare botId={botId} draft={draft} numbers={numbers} a={shown.a} b={shown.b} onPick={(first, second) => setPair(orderSides(first, second))} />
            ) : state.kind === 'ready' ? (
              <EmptyState id="no-versions-to-compare" title="No versions yet — publish to create version 1">
                <p>Once the bot has a version, you can compare it with the draft here.</p>
              </EmptyState>
            ) : (
              <VersionHistory state={state} canRestore={false} onCompare={compare} onRestore={setRestoring} />
            )}
          </TabsContent>
        </Tabs>
        <RestoreVersionDialog
          botId={botId}
          number={restoring}
          expectedRevision={draftRevision}
          onOpenChange={(next) => {
            if (!next) setRestoring(null);
          }}
          onRestored={(flow, revision) => {
            onRestored(flow, revision);
            changeOpen(false);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
