'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeClientError } from '../../../trpc/browser-api';
import { Input } from '../../../ui/input';

export type BotNameEditorProps = {
  initialName: string;
  readOnly: boolean;
  /** Renames the document; resolves with the name stored. */
  rename(name: string): Promise<{ name: string }>;
  /** 'bot' or 'component' ("Rename bot", "Bot name"). */
  noun: string;
};

/** The document's name in the toolbar (a bot's or a component's); builders click it to rename (Enter saves, Escape cancels). */
export function BotNameEditor({ initialName, readOnly, rename: renameDocument, noun }: BotNameEditorProps) {
  const Noun = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`;
  const [name, setName] = useState(initialName);
  const [draft, setDraft] = useState<string | null>(null);
  const rename = useMutation({
    mutationFn: renameDocument,
    onSuccess: (bot) => {
      setName(bot.name);
      setDraft(null);
    },
  });
  if (readOnly || draft === null) {
    return (
      <h1 className="min-w-0 truncate text-base font-semibold">
        {readOnly ? (
          name
        ) : (
          <button type="button" className="cursor-text truncate rounded px-1 hover:bg-muted" title={`Rename ${noun}`} aria-label={`${Noun} name: ${name}. Rename`} onClick={() => setDraft(name)}>
            {name}
          </button>
        )}
      </h1>
    );
  }
  const problem = draft.trim() === '' ? 'Name is required' : draft.trim().length > 100 ? 'Name is at most 100 characters' : null;
  const error = problem ?? (rename.isError ? describeClientError(rename.error) : null);
  return (
    <form
      className="relative"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) rename.mutate(draft.trim());
      }}
    >
      <Input
        autoFocus
        aria-label={`${Noun} name`}
        aria-invalid={error !== null}
        aria-describedby={error ? 'bot-name-error' : undefined}
        value={draft}
        className="h-8 w-64"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setDraft(null);
        }}
      />
      {error && (
        <p id="bot-name-error" role="alert" className="absolute top-full left-0 z-10 mt-1 rounded bg-background px-2 py-1 text-xs text-destructive shadow">
          {error}
        </p>
      )}
    </form>
  );
}
