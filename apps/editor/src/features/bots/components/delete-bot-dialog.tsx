'use client';

import { useMutation } from '@tanstack/react-query';
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
import type { BotSummary } from '../model/bot-summary';

export type DeleteBotDialogProps = {
  bot: BotSummary;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** After bots.delete succeeded (the list refreshes). */
  onDeleted(): void;
  onCloseAutoFocus?(event: Event): void;
};

/**
 * Confirms deleting a bot, naming it (Cancel has the focus). The dialog stays open while
 * the call runs and shows the server's refusal, e.g. the CONFLICT naming the channel
 * that still routes to the bot.
 */
export function DeleteBotDialog({ bot, open, onOpenChange, onDeleted, onCloseAutoFocus }: DeleteBotDialogProps) {
  const remove = useMutation({
    mutationFn: () => browserApi.bots.delete.mutate({ id: bot.id }),
    onSuccess: () => {
      onOpenChange(false);
      onDeleted();
    },
  });
  const resetRemove = remove.reset;
  useEffect(() => {
    if (open) resetRemove();
  }, [open, resetRemove]);
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete “{bot.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            Its draft, published versions, sessions and analytics are deleted. Conversations stay in the Inbox. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {remove.isError && <FormStatus kind="error">{describeClientError(remove.error)}</FormStatus>}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            destructive
            disabled={remove.isPending}
            onClick={(event) => {
              event.preventDefault();
              remove.mutate();
            }}
          >
            {remove.isPending ? 'Deleting…' : 'Delete bot'}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
