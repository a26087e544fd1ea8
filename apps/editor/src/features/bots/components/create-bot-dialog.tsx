'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
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

const botFormSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters'),
  description: z.string().trim().max(500, 'Description must be at most 500 characters'),
});
type BotForm = z.infer<typeof botFormSchema>;

/** "New bot": creates a bot with the starter flow and opens it (builders and owners only; the API checks). */
export function CreateBotDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<BotForm>({ resolver: zodResolver(botFormSchema), defaultValues: { name: '', description: '' } });
  const create = useMutation({
    mutationFn: (values: BotForm) => browserApi.bots.create.mutate({ name: values.name, ...(values.description ? { description: values.description } : {}) }),
    onSuccess: (bot) => {
      setOpen(false);
      router.push(`/bots/${encodeURIComponent(bot.id)}`);
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <PlusIcon />
          New bot
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New bot</DialogTitle>
          <DialogDescription>It starts as a draft with a starter flow.</DialogDescription>
        </DialogHeader>
        <form noValidate method="post" className="grid gap-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
          <FormField id="bot-name" label="Name" error={form.formState.errors.name?.message}>
            {(control) => <Input {...control} {...form.register('name')} />}
          </FormField>
          <FormField id="bot-description" label="Description (optional)" error={form.formState.errors.description?.message}>
            {(control) => <Input {...control} {...form.register('description')} />}
          </FormField>
          {create.isError && <FormStatus kind="error">{describeClientError(create.error)}</FormStatus>}
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create bot'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
