'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Alert, AlertDescription, AlertTitle } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '../../../ui/dialog';
import { Label } from '../../../ui/label';
import { Textarea } from '../../../ui/textarea';
import { browserApi, describeClientError, type RouterOutputs } from '../../../trpc/browser-api';
import type { EditorElement } from '../../bot-editor/document/editor-flow';
import { useElementEditor } from '../hooks/use-element-editor';

type ImportedRequest = RouterOutputs['apiElement']['importCurl']['request'];

/** The element with its Request-tab fields replaced by an imported request (a body it had goes when the import has none). */
function withImportedRequest(element: EditorElement, request: ImportedRequest): EditorElement {
  if (element.type !== 'api') return element;
  const { body: _oldBody, ...rest } = element;
  const next = { ...rest, method: request.method, url: request.url, contentType: request.contentType, headers: request.headers };
  return request.body === undefined ? next : { ...next, body: request.body };
}

/**
 * "Import cURL command": paste a curl command, Import fills the Request tab (method, URL,
 * content type, headers, body) in one undo step via apiElement.importCurl, which sends
 * nothing. What could not be carried over is listed; a command that cannot be read is
 * answered with the server's message as it is.
 */
export function CurlImportDialog({ elementId }: { elementId: string }) {
  const [open, setOpen] = useState(false);
  const [command, setCommand] = useState('');
  const [warnings, setWarnings] = useState<readonly string[] | null>(null);
  const editor = useElementEditor(elementId);
  const inputId = useId();
  const mutation = useMutation({
    mutationFn: (text: string) => browserApi.apiElement.importCurl.mutate({ command: text }),
    onSuccess: (result) => {
      editor.updateElement((element) => withImportedRequest(element, result.request));
      if (result.warnings.length === 0) setOpen(false);
      else setWarnings(result.warnings);
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setWarnings(null);
          mutation.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Import cURL
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Import cURL command</DialogTitle>
          <DialogDescription>The method, URL, headers and body of the Request tab are replaced by those of the command. Nothing is sent.</DialogDescription>
        </DialogHeader>
        {warnings ? (
          <Alert role="status">
            <AlertTitle>Imported, with notes</AlertTitle>
            <AlertDescription>
              <ul className="list-disc pl-5">
                {warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </AlertDescription>
          </Alert>
        ) : (
          <div className="grid gap-1.5">
            <Label htmlFor={inputId}>cURL command</Label>
            <Textarea
              id={inputId}
              rows={8}
              className="font-mono text-xs"
              value={command}
              placeholder={"curl -X POST https://api.example.com/orders \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"id\": 1}'"}
              onChange={(event) => setCommand(event.target.value)}
              aria-describedby={mutation.isError ? `${inputId}-error` : undefined}
              aria-invalid={mutation.isError}
            />
          </div>
        )}
        {mutation.isError && (
          <Alert variant="destructive" role="alert" id={`${inputId}-error`}>
            <AlertTitle>Cannot import</AlertTitle>
            <AlertDescription>{describeClientError(mutation.error)}</AlertDescription>
          </Alert>
        )}
        <DialogFooter>
          {warnings ? (
            <Button onClick={() => setOpen(false)}>Done</Button>
          ) : (
            <>
              <Button variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button disabled={command.trim() === '' || mutation.isPending} onClick={() => mutation.mutate(command)}>
                {mutation.isPending ? 'Importing…' : 'Import'}
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
