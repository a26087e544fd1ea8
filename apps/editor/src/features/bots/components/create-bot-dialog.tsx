'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '../../../ui/dialog';
import { FormField } from '../../../ui/form-field';
import { FormStatus } from '../../../ui/form-status';
import { PlusIcon } from '../../../ui/icons';
import { Input } from '../../../ui/input';
import { useHydrated } from '../../../ui/use-hydrated';
import { botFormSchema } from '../model/bot-form-schema';
import { isBotTemplateId } from '../model/bot-template-id';
import { TemplateChoice } from './template-choice';

const newBotSchema = botFormSchema.extend({ template: z.string() });
type NewBotForm = z.infer<typeof newBotSchema>;

const blank: NewBotForm = { name: '', description: '', template: 'empty' };

/**
 * "New bot": a name, an optional description and a template (bots.templates, as radio
 * cards; Empty chosen first); creates the bot and opens it. Builders and owners only (the
 * API checks). When the templates cannot be loaded the bot starts empty, and the dialog
 * says why.
 */
export function CreateBotDialog() {
  const router = useRouter();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const form = useForm<NewBotForm>({ resolver: zodResolver(newBotSchema), defaultValues: blank });
  const templates = useQuery({ queryKey: ['bots.templates'], queryFn: ({ signal }) => browserApi.bots.templates.query(undefined, { signal }), enabled: open, staleTime: Infinity });
  const create = useMutation({
    mutationFn: (values: NewBotForm) =>
      browserApi.bots.create.mutate({
        name: values.name,
        ...(values.description ? { description: values.description } : {}),
        ...(isBotTemplateId(values.template) ? { template: values.template } : {}),
      }),
    onSuccess: (bot) => {
      setOpen(false);
      router.push(`/bots/${encodeURIComponent(bot.id)}`);
    },
  });
  const changeOpen = (next: boolean) => {
    if (next) {
      form.reset(blank);
      create.reset();
    }
    setOpen(next);
  };
  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button>
          <PlusIcon />
          New bot
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>New bot</DialogTitle>
          <DialogDescription>It starts as a draft from the template you choose.</DialogDescription>
        </DialogHeader>
        <form noValidate method="post" className="grid gap-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
          <FormField id="bot-name" label="Name" error={form.formState.errors.name?.message}>
            {(control) => <Input {...control} {...form.register('name')} />}
          </FormField>
          <FormField id="bot-description" label="Description (optional)" error={form.formState.errors.description?.message}>
            {(control) => <Input {...control} {...form.register('description')} />}
          </FormField>
          {templates.isError ? (
            <FormStatus kind="error">Could not load the templates: {describeClientError(templates.error)} The bot starts empty.</FormStatus>
          ) : (
            <TemplateChoice templates={templates.data} field={form.register('template')} />
          )}
          {create.isError && <FormStatus kind="error">{describeClientError(create.error)}</FormStatus>}
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!hydrated || create.isPending}>
              {create.isPending ? 'Creating…' : 'Create bot'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
