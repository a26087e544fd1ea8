'use client';

import { apiElement, apiSchema, builtInAttributes, coerceAttributeValue, isInboundAttribute, type AttributeValue } from '@parley/elements';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, AlertDescription, AlertTitle } from '../../../ui/alert';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '../../../ui/dialog';
import { Input } from '../../../ui/input';
import { Label } from '../../../ui/label';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../../ui/tabs';
import { browserApi, describeClientError, type RouterInputs, type RouterOutputs } from '../../../trpc/browser-api';
import type { EditorAttribute } from '../../bot-editor/document/editor-flow';
import { useFlowStore } from '../../bot-editor/store/editor-stores';
import { findElement } from '../../bot-editor/document/flow-edits';
import { fieldDomId } from '../form-model/field-dom-id';

type PreviewInput = RouterInputs['apiElement']['preview'];
type Preview = RouterOutputs['apiElement']['preview'];

/** What the preview needs from the element right now: the element and the attributes its request reads, or why it cannot be sent. */
type Prepared = { ok: true; element: PreviewInput['element']; attributes: { name: string; type: string }[] } | { ok: false; message: string };

function prepare(element: unknown, declared: readonly EditorAttribute[]): Prepared {
  const parsed = apiSchema.safeParse(element);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, message: `Fix the element first (${where}${issue?.message ?? 'invalid'}).` };
  }
  const names = [
    ...new Set(
      apiElement
        .attributeRefs(parsed.data)
        .filter((ref) => ref.access === 'read' && !isInboundAttribute(ref.name))
        .map((ref) => ref.name),
    ),
  ];
  const typeOf = (name: string) =>
    (declared.find((declaration) => declaration.name === name) ?? builtInAttributes.find((declaration) => declaration.name === name))?.type ?? 'text';
  return { ok: true, element: parsed.data, attributes: names.map((name) => ({ name, type: typeOf(name) })) };
}

/** Body text as sent, or pretty-printed when it is JSON. */
function showBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * "Preview the API call": sample values for the attributes the request uses, then "Send
 * request" calls apiElement.preview, which sends the request once for real and shows the
 * status, the body and the attributes the element would set. A failure shows the server's
 * message as it is.
 */
export function ApiPreviewDialog({ elementId }: { elementId: string }) {
  const flowStore = useFlowStore();
  const [open, setOpen] = useState(false);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [sampleProblems, setSampleProblems] = useState<Record<string, string>>({});
  const mutation = useMutation({ mutationFn: (input: PreviewInput) => browserApi.apiElement.preview.mutate(input) });

  const send = () => {
    if (!prepared?.ok) return;
    const values: Record<string, AttributeValue> = {};
    const problems: Record<string, string> = {};
    for (const attribute of prepared.attributes) {
      const text = samples[attribute.name] ?? '';
      if (text === '') continue;
      const declared = flowStore.getState().flow.attributes.find((declaration) => declaration.name === attribute.name);
      const coerced = coerceAttributeValue(declared?.type ?? 'text', text);
      if (coerced.ok) values[attribute.name] = coerced.value;
      else problems[attribute.name] = coerced.message;
    }
    setSampleProblems(problems);
    if (Object.keys(problems).length === 0) mutation.mutate({ element: prepared.element, sampleAttributes: values });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          const { flow } = flowStore.getState();
          setPrepared(prepare(findElement(flow, elementId), flow.attributes));
          setSampleProblems({});
          mutation.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Preview
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Preview API call</DialogTitle>
          <DialogDescription>
            Sends the request once, for real, with the sample values below, and shows what the element would make of the answer.
          </DialogDescription>
        </DialogHeader>
        {prepared && !prepared.ok && (
          <Alert variant="destructive" role="alert">
            <AlertTitle>Cannot send this request yet</AlertTitle>
            <AlertDescription>{prepared.message}</AlertDescription>
          </Alert>
        )}
        {prepared?.ok && (
          <div className="grid gap-3">
            {prepared.attributes.length === 0 ? (
              <p className="text-sm text-muted-foreground">The request uses no attributes.</p>
            ) : (
              <fieldset className="grid gap-3">
                <legend className="mb-1 text-sm font-medium">Sample values</legend>
                {prepared.attributes.map((attribute) => {
                  const id = `${fieldDomId(elementId, ['preview', attribute.name])}`;
                  const problem = sampleProblems[attribute.name];
                  return (
                    <div key={attribute.name} className="grid gap-1.5">
                      <Label htmlFor={id}>
                        {attribute.name} <span className="font-normal text-muted-foreground">({attribute.type})</span>
                      </Label>
                      <Input
                        id={id}
                        value={samples[attribute.name] ?? ''}
                        aria-invalid={problem !== undefined}
                        aria-describedby={problem ? `${id}-error` : undefined}
                        onChange={(event) => setSamples({ ...samples, [attribute.name]: event.target.value })}
                      />
                      {problem && (
                        <p id={`${id}-error`} className="text-sm text-destructive">
                          {problem}
                        </p>
                      )}
                    </div>
                  );
                })}
              </fieldset>
            )}
          </div>
        )}
        {mutation.isError && (
          <Alert variant="destructive" role="alert">
            <AlertTitle>The request failed</AlertTitle>
            <AlertDescription>{describeClientError(mutation.error)}</AlertDescription>
          </Alert>
        )}
        {mutation.isPending && (
          <p role="status" className="text-sm text-muted-foreground">
            Sending…
          </p>
        )}
        {mutation.data && <PreviewResult preview={mutation.data} />}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Close
          </Button>
          <Button disabled={!prepared?.ok || mutation.isPending} onClick={send}>
            Send request
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function PreviewResult({ preview }: { preview: Preview }) {
  const success = preview.status >= 200 && preview.status < 300;
  const resolved = Object.entries(preview.resolvedAttributes);
  return (
    <section aria-label="Response" className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm" role="status">
        <Badge variant={success ? 'success' : 'destructive'}>Status {preview.status}</Badge>
        <span className="text-muted-foreground">
          {preview.durationMs} ms · {preview.attempts} {preview.attempts === 1 ? 'attempt' : 'attempts'} · would continue through{' '}
          {preview.outcome === 'next' ? 'Next' : 'Fallback'}
        </span>
      </div>
      <p className="truncate text-xs text-muted-foreground" title={preview.request.url}>
        {preview.request.method} {preview.request.url}
      </p>
      <Tabs defaultValue="body">
        <TabsList>
          <TabsTrigger value="body">Body</TabsTrigger>
          <TabsTrigger value="attributes">Resolved attributes</TabsTrigger>
          <TabsTrigger value="headers">Headers</TabsTrigger>
        </TabsList>
        <TabsContent value="body">
          <pre className="max-h-72 overflow-auto rounded-md bg-muted p-3 text-xs whitespace-pre-wrap" tabIndex={0} aria-label="Response body">
            {preview.body === '' ? '(empty body)' : showBody(preview.body)}
          </pre>
          {preview.bodyTruncated && <p className="mt-1 text-xs text-muted-foreground">{`Showing the first 64 KiB of ${preview.bodyBytes} bytes.`}</p>}
        </TabsContent>
        <TabsContent value="attributes">
          {resolved.length === 0 ? (
            <p className="text-sm text-muted-foreground">The element would set no attributes.</p>
          ) : (
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-xs text-muted-foreground">
                  <th className="py-1 pr-3 font-medium">Attribute</th>
                  <th className="py-1 font-medium">Value</th>
                </tr>
              </thead>
              <tbody>
                {resolved.map(([name, value]) => (
                  <tr key={name} className="border-t align-top">
                    <td className="py-1 pr-3 font-medium">{name}</td>
                    <td className="py-1 font-mono text-xs break-all">{JSON.stringify(value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </TabsContent>
        <TabsContent value="headers">
          <table className="w-full text-sm">
            <tbody>
              {Object.entries(preview.headers).map(([name, value]) => (
                <tr key={name} className="border-t align-top">
                  <td className="py-1 pr-3 font-medium">{name}</td>
                  <td className="py-1 font-mono text-xs break-all">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabsContent>
      </Tabs>
    </section>
  );
}
