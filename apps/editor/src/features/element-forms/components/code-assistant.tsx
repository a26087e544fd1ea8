'use client';

import { javascript } from '@codemirror/lang-javascript';
import { unifiedMergeView } from '@codemirror/merge';
import { EditorView } from '@codemirror/view';
import { useMutation } from '@tanstack/react-query';
import CodeMirror from '@uiw/react-codemirror';
import { useId, useMemo, useState } from 'react';
import { SparklesIcon } from '../../../ui/icons';
import { Alert, AlertDescription, AlertTitle } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../../ui/dialog';
import { Label } from '../../../ui/label';
import { Textarea } from '../../../ui/textarea';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import type { FieldPath } from '../../bot-editor/document/editor-flow';
import { useFlowStore } from '../../bot-editor/store/editor-stores';
import { useColorScheme } from '../hooks/use-color-scheme';
import { useElementEditor } from '../hooks/use-element-editor';

/** What the assistant is asked: "Create with AI", "Edit with AI", "Improve readability", "Fix code". */
type AssistantKind = 'create' | 'edit' | 'improve' | 'fix';

const texts: Readonly<Record<AssistantKind, { button: string; title: string; prompt: string | undefined; promptOptional: boolean; description: string }>> = {
  create: {
    button: 'Create with AI',
    title: 'Create code with AI',
    prompt: 'Describe what the code should do',
    promptOptional: false,
    description: 'For example: calculate the total price from a list of items and save it to the totalPrice attribute.',
  },
  edit: {
    button: 'Edit with AI',
    title: 'Edit code with AI',
    prompt: 'Describe the changes to make',
    promptOptional: false,
    description: 'For example: check that the score is a number before comparing it.',
  },
  improve: {
    button: 'Improve readability',
    title: 'Improve readability',
    prompt: undefined,
    promptOptional: true,
    description: 'Formats and simplifies the code without changing what it does.',
  },
  fix: {
    button: 'Fix code',
    title: 'Fix code',
    prompt: 'Error message (optional)',
    promptOptional: true,
    description: 'The assistant finds and corrects the problem; paste the error the code failed with, if you have it.',
  },
};

type Request = { kind: AssistantKind; code: string; text: string; attributes: { name: string; type: string }[] };

function ask(request: Request): Promise<{ code: string }> {
  switch (request.kind) {
    case 'create':
      return browserApi.codeAssistant.create.mutate({ prompt: request.text, attributes: request.attributes });
    case 'edit':
      return browserApi.codeAssistant.edit.mutate({ code: request.code, instruction: request.text });
    case 'improve':
      return browserApi.codeAssistant.improve.mutate({ code: request.code });
    case 'fix':
      return browserApi.codeAssistant.fix.mutate(request.text.trim() === '' ? { code: request.code } : { code: request.code, error: request.text });
  }
}

/**
 * The Code element's assistant: Create / Edit / Improve / Fix ask the API's code assistant
 * (codeAssistant.*) for a new script, shown as a diff against the current one (CodeMirror's
 * unified merge view) to Apply (one undo step) or Discard. Nothing changes before Apply;
 * a failure shows the server's message as it is.
 */
export function CodeAssistant({ elementId, path, code }: { elementId: string; path: FieldPath; code: string }) {
  const [kind, setKind] = useState<AssistantKind | null>(null);
  const [text, setText] = useState('');
  const [proposal, setProposal] = useState<{ original: string; code: string } | null>(null);
  const flowStore = useFlowStore();
  const editor = useElementEditor(elementId);
  const promptId = useId();
  const mutation = useMutation({ mutationFn: ask, onSuccess: (result, request) => setProposal({ original: request.code, code: result.code }) });
  const empty = code.trim() === '';
  const open = (next: AssistantKind) => {
    mutation.reset();
    setProposal(null);
    setText('');
    setKind(next);
  };
  const close = () => {
    setKind(null);
    setProposal(null);
    mutation.reset();
  };
  const generate = (current: AssistantKind) =>
    mutation.mutate({
      kind: current,
      code,
      text,
      attributes: flowStore.getState().flow.attributes.map((attribute) => ({ name: attribute.name, type: attribute.type })),
    });
  const spec = kind ? texts[kind] : undefined;
  const canGenerate = kind !== null && (spec?.promptOptional || text.trim() !== '');

  return (
    <div className="flex flex-wrap gap-1.5" role="group" aria-label="Code assistant">
      {(['create', 'edit', 'improve', 'fix'] as const).map((option) => (
        <Button
          key={option}
          variant="outline"
          size="sm"
          disabled={option !== 'create' && empty}
          onClick={() => {
            open(option);
            if (option === 'improve') generate('improve');
          }}
        >
          {option === 'create' && <SparklesIcon />}
          {texts[option].button}
        </Button>
      ))}
      <Dialog open={kind !== null} onOpenChange={(next) => (next ? undefined : close())}>
        <DialogContent className="max-w-3xl">
          <DialogHeader>
            <DialogTitle>{proposal ? 'Review the suggested code' : spec?.title}</DialogTitle>
            <DialogDescription>
              {proposal ? 'Removed lines are struck through, added lines highlighted. Nothing changes until you apply it.' : spec?.description}
            </DialogDescription>
          </DialogHeader>
          {!proposal && spec?.prompt !== undefined && kind && (
            <div className="grid gap-1.5">
              <Label htmlFor={promptId}>{spec.prompt}</Label>
              <Textarea id={promptId} rows={4} maxLength={4000} value={text} onChange={(event) => setText(event.target.value)} autoFocus />
            </div>
          )}
          {!proposal && mutation.isPending && (
            <p role="status" className="text-sm text-muted-foreground">
              Asking the assistant…
            </p>
          )}
          {mutation.isError && (
            <Alert variant="destructive" role="alert">
              <AlertTitle>The assistant could not answer</AlertTitle>
              <AlertDescription>{describeClientError(mutation.error)}</AlertDescription>
            </Alert>
          )}
          {proposal && <CodeDiff original={proposal.original} proposed={proposal.code} />}
          <DialogFooter>
            {proposal ? (
              <>
                <Button variant="outline" onClick={close}>
                  Discard
                </Button>
                <Button
                  onClick={() => {
                    editor.set(path, proposal.code);
                    close();
                  }}
                >
                  Apply
                </Button>
              </>
            ) : (
              <>
                <Button variant="outline" onClick={close}>
                  Cancel
                </Button>
                {kind !== 'improve' && (
                  <Button disabled={!canGenerate || mutation.isPending} onClick={() => kind && generate(kind)}>
                    {mutation.isPending ? 'Generating…' : 'Generate'}
                  </Button>
                )}
              </>
            )}
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

/** The proposed script with the changes from the current one marked (read-only). */
function CodeDiff({ original, proposed }: { original: string; proposed: string }) {
  const scheme = useColorScheme();
  const extensions = useMemo(
    () => [
      javascript(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Suggested code, with the changes marked' }),
      unifiedMergeView({ original, mergeControls: false, highlightChanges: true, gutter: true }),
    ],
    [original],
  );
  if (original === proposed) return <p className="text-sm text-muted-foreground">The suggestion is the same as the current code.</p>;
  return (
    <div className="overflow-hidden rounded-md border text-[13px]">
      <CodeMirror
        value={proposed}
        theme={scheme}
        editable={false}
        readOnly
        maxHeight="50vh"
        basicSetup={{ foldGutter: false, highlightActiveLine: false }}
        extensions={extensions}
      />
    </div>
  );
}
