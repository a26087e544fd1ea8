'use client';

import { bodyModesByContentType, predefinedContentTypes, type ContentType } from '@parley/elements';
import { useEffect, useState } from 'react';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../../ui/tabs';
import { useSelection, useSelectionStore } from '../../bot-editor/store/editor-stores';
import { describeElementFields } from '../form-model/describe-element-fields';
import type { FieldDescription } from '../form-model/field-description';
import { handledFocusRequests } from '../hooks/handled-focus-requests';
import { useElementValue } from '../hooks/use-element-value';
import { ApiPreviewDialog } from './api-preview-dialog';
import { CurlImportDialog } from './curl-import-dialog';
import { FieldList } from './field-list';
import { SchemaField } from './schema-field';
import { UnionField } from './union-field';

type ApiTab = 'request' | 'response' | 'fallback';

/** Which tab shows each top-level field of the API element (spec: Request, Response, Fallback). */
const tabOfField: Readonly<Record<string, ApiTab>> = {
  method: 'request',
  url: 'request',
  escapeUrlParameters: 'request',
  mtlsCertificateId: 'request',
  contentType: 'request',
  headers: 'request',
  body: 'request',
  response: 'response',
  timeoutSeconds: 'response',
  retries: 'fallback',
  fallback: 'fallback',
};

const contentTypes: readonly ContentType[] = ['none', 'raw', 'json', 'text', 'xml', 'url-encoded', 'form-data'];

function isContentType(value: unknown): value is ContentType {
  return contentTypes.some((type) => type === value);
}

function fieldsOf(keys: readonly string[]): FieldDescription[] {
  const all = describeElementFields('api');
  return keys.flatMap((key) => all.filter((field) => field.key === key));
}

/**
 * The API element's settings as the spec lays them out: "Import cURL" and "Preview", then
 * the Request, Response and Fallback tabs. A focus request for a field first opens its
 * tab. The body offers the modes of the chosen content type and is shown only when the
 * request can have one (or already has one, so a problem with it stays in sight).
 */
export function ApiSettings({ elementId }: { elementId: string }) {
  const [tab, setTab] = useState<ApiTab>('request');
  const request = useSelection((state) => state.focusRequest);
  const selection = useSelectionStore();
  useEffect(() => {
    // Runs before ElementSettings' own effect (children first), which then focuses the field and marks the request handled.
    if (!request || request.elementId !== elementId || !request.field || handledFocusRequests.get(selection) === request.nonce) return;
    const key = /^[A-Za-z]+/.exec(request.field)?.[0];
    const target = key === undefined ? undefined : tabOfField[key];
    if (target) setTab(target);
  }, [request, elementId, selection]);
  return (
    <div className="grid min-w-0 gap-3">
      <div className="flex flex-wrap gap-2">
        <CurlImportDialog elementId={elementId} />
        <ApiPreviewDialog elementId={elementId} />
      </div>
      <Tabs value={tab} onValueChange={(next) => setTab(next === 'response' || next === 'fallback' ? next : 'request')}>
        <TabsList className="w-full">
          <TabsTrigger value="request">Request</TabsTrigger>
          <TabsTrigger value="response">Response</TabsTrigger>
          <TabsTrigger value="fallback">Fallback</TabsTrigger>
        </TabsList>
        <TabsContent value="request">
          <RequestTab elementId={elementId} />
        </TabsContent>
        <TabsContent value="response" className="grid gap-4">
          <ResponseTab elementId={elementId} />
        </TabsContent>
        <TabsContent value="fallback">
          <FieldList elementId={elementId} fields={fieldsOf(['retries', 'fallback'])} path={[]} />
        </TabsContent>
      </Tabs>
    </div>
  );
}

function RequestTab({ elementId }: { elementId: string }) {
  const storedType = useElementValue(elementId, ['contentType']);
  const method = useElementValue(elementId, ['method']);
  const hasBody = useElementValue(elementId, ['body']) !== undefined;
  const contentType: ContentType = isContentType(storedType) ? storedType : 'none';
  const modes = bodyModesByContentType[contentType];
  const effectiveMethod = typeof method === 'string' ? method : 'GET';
  const bodyAllowed = modes.length > 0 && effectiveMethod !== 'GET' && effectiveMethod !== 'HEAD';
  const predefined = predefinedContentTypes[contentType];
  const body = describeElementFields('api').find((field) => field.key === 'body');
  return (
    <div className="grid min-w-0 gap-4">
      <FieldList elementId={elementId} fields={fieldsOf(['method', 'url', 'escapeUrlParameters', 'mtlsCertificateId', 'contentType'])} path={[]} />
      {predefined && contentType !== 'form-data' && (
        <p className="-mt-2 text-xs text-muted-foreground">{`Sends the header Content-Type: ${predefined} unless a header below sets another.`}</p>
      )}
      {fieldsOf(['headers']).map((field) => (
        <SchemaField key={field.key} elementId={elementId} field={field} path={['headers']} />
      ))}
      {body?.kind === 'union' && (bodyAllowed || hasBody) ? (
        <UnionField elementId={elementId} field={body} path={['body']} allowed={modes} />
      ) : (
        <p className="text-xs text-muted-foreground">
          {modes.length === 0 ? 'No body: choose a content type to send one.' : 'A GET or HEAD request has no body.'}
        </p>
      )}
    </div>
  );
}

function ResponseTab({ elementId }: { elementId: string }) {
  const response = describeElementFields('api').find((field) => field.key === 'response');
  return (
    <>
      {response?.kind === 'object' && <FieldList elementId={elementId} fields={response.fields} path={['response']} />}
      <FieldList elementId={elementId} fields={fieldsOf(['timeoutSeconds'])} path={[]} />
    </>
  );
}
