'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState, type ComponentProps } from 'react';
import { useForm } from 'react-hook-form';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../../ui/dialog';
import { FormField } from '../../../ui/form-field';
import { FormStatus } from '../../../ui/form-status';
import { Input } from '../../../ui/input';
import { useHydrated } from '../../../ui/use-hydrated';
import { botFormSchema, type BotForm } from '../model/bot-form-schema';
import { importNameFromFile } from '../model/import-name-from-file';
import { readImportText, type ImportedDraft, type ImportRead } from '../model/read-import-text';
import { refusedFlowIssues } from '../model/refused-flow-issues';
import { ImportProblems } from './import-problems';

type ChosenFile = { name: string; read: ImportRead };

function UploadIcon(props: ComponentProps<'svg'>) {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" {...props}>
      <path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4" />
      <path d="m17 8-5-5-5 5" />
      <path d="M12 3v12" />
    </svg>
  );
}

/**
 * "Import": picks a `.json` file (a flow, as Export writes it), then a dialog names the
 * new bot (default: the file's name) and creates it with the file as its draft
 * (bots.create `draft`), opening it. A file that is not a JSON object, or a flow the
 * server refuses, lists every problem (path and message) in the dialog; nothing is
 * created. Builders and owners only (the API checks).
 */
export function ImportBotDialog() {
  const router = useRouter();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [open, setOpen] = useState(false);
  const form = useForm<BotForm>({ resolver: zodResolver(botFormSchema), defaultValues: { name: '', description: '' } });
  const create = useMutation({
    mutationFn: (values: BotForm & { draft: ImportedDraft }) =>
      browserApi.bots.create.mutate({ name: values.name, ...(values.description ? { description: values.description } : {}), draft: values.draft }),
    onSuccess: (bot) => {
      setOpen(false);
      router.push(`/bots/${encodeURIComponent(bot.id)}`);
    },
  });

  const choose = async (file: File | undefined) => {
    if (!file) return;
    let read: ImportRead;
    try {
      read = readImportText(await file.text());
    } catch (error) {
      read = { kind: 'invalid', problems: [{ path: '', message: `The file could not be read: ${describeClientError(error)}` }] };
    }
    setChosen({ name: file.name, read });
    form.reset({ name: importNameFromFile(file.name), description: '' });
    create.reset();
    setOpen(true);
  };

  const issues = create.isError ? refusedFlowIssues(create.error) : [];
  const read = chosen?.read;
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Bot file to import"
        data-testid="import-bot-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          void choose(file);
        }}
      />
      <Button variant="outline" disabled={!hydrated} onClick={() => input.current?.click()}>
        <UploadIcon />
        Import
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="max-w-xl">
          <DialogHeader>
            <DialogTitle>Import a bot</DialogTitle>
            <DialogDescription>From {chosen?.name ?? 'a file'}: the file becomes the new bot’s draft.</DialogDescription>
          </DialogHeader>
          <form
            noValidate
            method="post"
            className="grid gap-4"
            onSubmit={form.handleSubmit((values) => {
              if (read?.kind === 'ok') create.mutate({ ...values, draft: read.draft });
            })}
          >
            <FormField id="import-bot-name" label="Name" error={form.formState.errors.name?.message}>
              {(control) => <Input {...control} {...form.register('name')} />}
            </FormField>
            <FormField id="import-bot-description" label="Description (optional)" error={form.formState.errors.description?.message}>
              {(control) => <Input {...control} {...form.register('description')} />}
            </FormField>
            {read?.kind === 'invalid' && <ImportProblems title="This file cannot be imported" problems={read.problems} />}
            {issues.length > 0 && (
              <ImportProblems
                title={`The flow was refused (${issues.length === 1 ? '1 problem' : `${issues.length} problems`}); nothing was created`}
                problems={issues.map((issue) => ({ path: issue.path, message: issue.message }))}
              />
            )}
            {create.isError && issues.length === 0 && <FormStatus kind="error">{describeClientError(create.error)}</FormStatus>}
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button variant="outline" onClick={() => input.current?.click()}>
                Choose another file
              </Button>
              <Button type="submit" disabled={read?.kind !== 'ok' || create.isPending}>
                {create.isPending ? 'Importing…' : 'Import bot'}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
