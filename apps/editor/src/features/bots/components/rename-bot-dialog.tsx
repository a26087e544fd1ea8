'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../../ui/dialog';
import { FormField } from '../../../ui/form-field';
import { FormStatus } from '../../../ui/form-status';
import { Input } from '../../../ui/input';
import { botFormSchema, type BotForm } from '../model/bot-form-schema';
import type { BotSummary } from '../model/bot-summary';

export type RenameBotDialogProps = {
  bot: BotSummary;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** After bots.update succeeded (the list refreshes). */
  onRenamed(name: string): void;
  /** Where focus goes when the dialog closes (the row's actions button). */
  onCloseAutoFocus?(event: Event): void;
};

/**
 * Renames a bot and changes its description (bots.update; an emptied description is
 * cleared). Validation messages name the field; the server's refusal shows inline.
 */
export function RenameBotDialog({ bot, open, onOpenChange, onRenamed, onCloseAutoFocus }: RenameBotDialogProps) {
  const form = useForm<BotForm>({ resolver: zodResolver(botFormSchema), defaultValues: { name: bot.name, description: bot.description ?? '' } });
  const update = useMutation({
    mutationFn: (values: BotForm) => browserApi.bots.update.mutate({ id: bot.id, name: values.name, description: values.description === '' ? null : values.description }),
    onSuccess: (updated) => {
      onOpenChange(false);
      onRenamed(updated.name);
    },
  });
  const { reset } = form;
  const resetUpdate = update.reset;
  useEffect(() => {
    if (!open) return;
    reset({ name: bot.name, description: bot.description ?? '' });
    resetUpdate();
  }, [open, bot.name, bot.description, reset, resetUpdate]);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>Rename “{bot.name}”</DialogTitle>
          <DialogDescription>The draft, its versions and its channels are unchanged.</DialogDescription>
        </DialogHeader>
        <form noValidate method="post" className="grid gap-4" onSubmit={form.handleSubmit((values) => update.mutate(values))}>
          <FormField id={`rename-${bot.id}-name`} label="Name" error={form.formState.errors.name?.message}>
            {(control) => <Input {...control} {...form.register('name')} />}
          </FormField>
          <FormField id={`rename-${bot.id}-description`} label="Description (optional)" error={form.formState.errors.description?.message}>
            {(control) => <Input {...control} {...form.register('description')} />}
          </FormField>
          {update.isError && <FormStatus kind="error">{describeClientError(update.error)}</FormStatus>}
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
