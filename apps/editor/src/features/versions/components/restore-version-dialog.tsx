'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '../../../ui/alert-dialog';
import { FormStatus } from '../../../ui/form-status';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { fetchVersionFlow, versionFlowKey } from '../model/fetch-version-flow';

export type RestoreVersionDialogProps = {
  botId: string;
  /** The version to restore; null: closed. */
  number: number | null;
  onOpenChange(open: boolean): void;
  /** The draft revision the editor holds: a newer save by someone else is then refused (CONFLICT naming who), not overwritten. */
  expectedRevision?: number | undefined;
  onRestored(flow: EditorFlow, draftRevision: number): void;
};

/**
 * Confirms restoring a version into the draft (Cancel has the focus), then reads the
 * version's flow (cached when it was compared) and calls bots.restoreVersion. Stays open
 * while that runs and shows the server's refusal; on success hands the flow and the
 * draft's new revision to onRestored.
 */
export function RestoreVersionDialog({ botId, number, onOpenChange, expectedRevision, onRestored }: RestoreVersionDialogProps) {
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: async (version: number) => {
      const flow = await queryClient.fetchQuery({ queryKey: versionFlowKey(botId, version), queryFn: ({ signal }) => fetchVersionFlow(botId, version, signal), staleTime: Infinity });
      const saved = await browserApi.bots.restoreVersion.mutate({ id: botId, number: version, ...(expectedRevision === undefined ? {} : { expectedRevision }) });
      return { flow, draftRevision: saved.draftRevision };
    },
    onSuccess: ({ flow, draftRevision }) => {
      onOpenChange(false);
      onRestored(flow, draftRevision);
    },
  });
  const resetRestore = restore.reset;
  useEffect(() => {
    if (number !== null) resetRestore();
  }, [number, resetRestore]);
  return (
    <AlertDialog open={number !== null} onOpenChange={onOpenChange}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Restore version {number}?</AlertDialogTitle>
          <AlertDialogDescription>
            The draft is replaced by version {number} as it was written. Published versions stay as they are; the bot keeps running its latest published version until you publish again.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {restore.isError && <FormStatus kind="error">{describeClientError(restore.error)}</FormStatus>}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={restore.isPending}
            onClick={(event) => {
              event.preventDefault();
              if (number !== null) restore.mutate(number);
            }}
          >
            {restore.isPending ? 'Restoring…' : 'Restore version'}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
