'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../../ui/dialog';
import { FormField } from '../../../ui/form-field';
import { FormStatus } from '../../../ui/form-status';
import { Input } from '../../../ui/input';

export const workspaceFormSchema = z.object({
  name: z.string().trim().min(1, 'Workspace name is required').max(80, 'Workspace name must be at most 80 characters'),
});
type WorkspaceForm = z.infer<typeof workspaceFormSchema>;

/** A dialog that creates a workspace the person owns and acts in from then on. */
export function CreateWorkspaceDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const form = useForm<WorkspaceForm>({ resolver: zodResolver(workspaceFormSchema), defaultValues: { name: '' } });
  const create = useMutation({
    mutationFn: (values: WorkspaceForm) => browserApi.workspaces.create.mutate(values),
    onSuccess: () => {
      onOpenChange(false);
      form.reset();
      router.push('/bots');
      router.refresh();
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) create.reset();
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create a workspace</DialogTitle>
          <DialogDescription>You will be its owner, and the editor switches to it.</DialogDescription>
        </DialogHeader>
        <form noValidate method="post" className="grid gap-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
          <FormField id="workspace-name" label="Workspace name" error={form.formState.errors.name?.message}>
            {(control) => <Input {...control} autoComplete="organization" {...form.register('name')} />}
          </FormField>
          {create.isError && <FormStatus kind="error">{describeClientError(create.error)}</FormStatus>}
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create workspace'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
