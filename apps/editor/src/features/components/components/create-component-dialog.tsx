'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '../../../ui/dialog';
import { FormField } from '../../../ui/form-field';
import { FormStatus } from '../../../ui/form-status';
import { PlusIcon } from '../../../ui/icons';
import { Input } from '../../../ui/input';
import { useHydrated } from '../../../ui/use-hydrated';
import { botFormSchema, type BotForm } from '../../bots/model/bot-form-schema';

const blank: BotForm = { name: '', description: '' };

/**
 * "New component": a name and an optional description (the same limits as a bot's);
 * creates the component (one dialog that returns at once) and opens it in the editor.
 * Builders and owners only (the API checks).
 */
export function CreateComponentDialog() {
  const router = useRouter();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const form = useForm<BotForm>({ resolver: zodResolver(botFormSchema), defaultValues: blank });
  const create = useMutation({
    mutationFn: (values: BotForm) => browserApi.components.create.mutate({ name: values.name, ...(values.description ? { description: values.description } : {}) }),
    onSuccess: (component) => {
      setOpen(false);
      router.push(`/components/${encodeURIComponent(component.id)}`);
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
          New component
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New component</DialogTitle>
          <DialogDescription>It starts as a draft with one dialog that returns at once. Declare its inputs and outputs under Attributes.</DialogDescription>
        </DialogHeader>
        <form noValidate method="post" className="grid gap-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
          <FormField id="component-name" label="Name" error={form.formState.errors.name?.message}>
            {(control) => <Input {...control} {...form.register('name')} />}
          </FormField>
          <FormField id="component-description" label="Description (optional)" error={form.formState.errors.description?.message}>
            {(control) => <Input {...control} {...form.register('description')} />}
          </FormField>
          {create.isError && <FormStatus kind="error">{describeClientError(create.error)}</FormStatus>}
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!hydrated || create.isPending}>
              {create.isPending ? 'Creating…' : 'Create component'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
