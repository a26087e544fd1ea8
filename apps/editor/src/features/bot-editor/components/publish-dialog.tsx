'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeClientError } from '../../../trpc/browser-api';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../../ui/dialog';
import { FormStatus } from '../../../ui/form-status';
import { Label } from '../../../ui/label';
import { useProblems } from '../store/editor-stores';

export type PublishDialogProps = {
  /** Publishes the saved draft; `note` is sent only when `withNote`. */
  publish(note: string | undefined): Promise<{ version: number }>;
  /** 'bot' or 'component' (the title: "Publish bot"). */
  noun: string;
  /** Offer a note for the version (bots); default true. */
  withNote?: boolean;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Saves pending edits first; false when the draft could not be saved. */
  flush(): Promise<boolean>;
  onPublished(version: number): void;
  onShowProblems(): void;
};

const maxNote = 500;

/**
 * Publishes the saved draft as the next version, with an optional note. Errors block it
 * (the dialog says how many and opens the Problems panel); warnings are listed and do not.
 */
export function PublishDialog({ publish: publishDraft, noun, withNote = true, open, onOpenChange, flush, onPublished, onShowProblems }: PublishDialogProps) {
  const errors = useProblems((state) => state.errors.length);
  const warnings = useProblems((state) => state.warnings);
  const [note, setNote] = useState('');
  const publish = useMutation({
    mutationFn: async () => {
      if (!(await flush())) throw new Error('The draft could not be saved, so it was not published. See the save status in the toolbar.');
      return publishDraft(withNote && note.trim() ? note.trim() : undefined);
    },
    onSuccess: (result) => {
      setNote('');
      onOpenChange(false);
      onPublished(result.version);
    },
  });
  const noteTooLong = note.trim().length > maxNote;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) publish.reset();
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Publish {noun}</DialogTitle>
          <DialogDescription>
            {noun === 'bot'
              ? 'New conversations use the published version. Conversations already running stay on their version.'
              : `Bots using this ${noun} get the new version when they are next published; published bot versions keep theirs.`}
          </DialogDescription>
        </DialogHeader>
        {errors > 0 ? (
          <FormStatus kind="error">
            {errors === 1 ? '1 error blocks publishing.' : `${errors} errors block publishing.`}{' '}
            <button
              type="button"
              className="cursor-pointer underline"
              onClick={() => {
                onOpenChange(false);
                onShowProblems();
              }}
            >
              Show problems
            </button>
          </FormStatus>
        ) : (
          <form
            id="publish-form"
            className="grid gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (!noteTooLong) publish.mutate();
            }}
          >
            {withNote && (
              <>
            <Label htmlFor="publish-note">Note (optional)</Label>
            <textarea
              id="publish-note"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              rows={3}
              aria-invalid={noteTooLong}
              aria-describedby="publish-note-help"
              placeholder="What changed in this version?"
              className="w-full rounded-md border border-input bg-background px-3 py-2 text-sm"
            />
            <p id="publish-note-help" className={noteTooLong ? 'text-xs text-destructive' : 'text-xs text-muted-foreground'}>
              {noteTooLong ? `Note is at most ${maxNote} characters (${note.trim().length} now).` : `${note.trim().length}/${maxNote}`}
            </p>
              </>
            )}
            {!withNote && warnings.length === 0 && <p className="text-sm text-muted-foreground">No problems: ready to publish.</p>}
            {warnings.length > 0 && (
              <details className="text-sm">
                <summary className="cursor-pointer">
                  {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'} (publishing is allowed)
                </summary>
                <ul className="mt-1 max-h-32 list-disc overflow-y-auto pl-5 text-muted-foreground">
                  {warnings.map((warning) => (
                    <li key={`${warning.rule}@${warning.path}`}>{warning.message}</li>
                  ))}
                </ul>
              </details>
            )}
            {publish.isError && <FormStatus kind="error">{describeClientError(publish.error)}</FormStatus>}
          </form>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="publish-form" disabled={errors > 0 || noteTooLong || publish.isPending}>
            {publish.isPending ? 'Publishing…' : 'Publish'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
