'use client';

import { useState } from 'react';
import { AlertDialog, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from '../../../ui/alert-dialog';
import { Button } from '../../../ui/button';

export type ConflictDialogProps = {
  /** What the document is called in the title ('bot', 'component'); default 'bot'. */
  noun?: string;
  /** The conflict's message (who saved, at which revision), or null when there is none. */
  message: string | null;
  onReload(): Promise<void>;
  onOverwrite(): Promise<unknown>;
};

/**
 * Shown the moment someone else's save is noticed: the person chooses to load their
 * version (dropping unsaved local changes) or to save this one over it. It cannot be
 * dismissed without choosing, so nothing is ever overwritten silently.
 */
export function ConflictDialog({ message, onReload, onOverwrite, noun = 'bot' }: ConflictDialogProps) {
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    void action().finally(() => setBusy(false));
  };
  return (
    <AlertDialog open={message !== null}>
      <AlertDialogContent onEscapeKeyDown={(event) => event.preventDefault()}>
        <AlertDialogHeader>
          <AlertDialogTitle>This {noun} was changed elsewhere</AlertDialogTitle>
          <AlertDialogDescription>{message}</AlertDialogDescription>
        </AlertDialogHeader>
        <p className="text-sm text-muted-foreground">
          Reload to continue from the saved version (your changes since your last save are dropped), or overwrite it with what you see here.
        </p>
        <AlertDialogFooter>
          <Button variant="outline" disabled={busy} onClick={() => run(onOverwrite)}>
            Overwrite with mine
          </Button>
          <Button disabled={busy} onClick={() => run(onReload)}>
            Reload their version
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
