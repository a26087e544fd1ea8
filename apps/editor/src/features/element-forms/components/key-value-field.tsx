'use client';

import { useId } from 'react';
import { PlusIcon, TrashIcon } from '../../../ui/icons';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import type { FieldPath } from '../../bot-editor/document/editor-flow';
import { getAtPath } from '../../bot-editor/document/set-at-path';
import { useFlow } from '../../bot-editor/store/editor-stores';
import { duplicateKeys } from '../form-model/duplicate-keys';
import { findElement } from '../../bot-editor/document/flow-edits';
import type { ArrayFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { initialValue } from '../form-model/initial-value';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldMessages } from './field-messages';
import { focusAfterEdit } from './item-actions';

/** Header names offered while typing a key (spec: "select the required criterion from the list", or enter a custom one). */
const commonHeaders = [
  'Accept',
  'Accept-Encoding',
  'Accept-Language',
  'Authorization',
  'Cache-Control',
  'Content-Type',
  'Cookie',
  'If-None-Match',
  'User-Agent',
  'X-API-Key',
  'X-Request-ID',
];

const separator = '\u0000';

/**
 * Key-value pairs (request headers, body pairs): a row per pair with Key and Value, add
 * up to the maximum, remove. A key already used by an earlier pair is refused at once
 * with a message naming it (ignoring case for headers), before validation runs.
 */
export function KeyValueField({ elementId, field, path, label }: FieldProps<ArrayFieldDescription>) {
  const keysText = useFlow((state) => {
    const list = getAtPath(findElement(state.flow, elementId), path);
    return Array.isArray(list) ? list.map((item) => String(getAtPath(item, ['key']) ?? '')).join(separator) : undefined;
  });
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const datalistId = useId();
  const keys = keysText === undefined ? [] : keysText.split(separator);
  const count = keysText === undefined ? 0 : keys.length;
  const listKey = fieldDomId(elementId, path);
  const name = label ?? field.label;
  const itemTitle = field.itemTitle;
  const caseInsensitive = field.meta.caseInsensitiveKeys === true;
  const duplicates = duplicateKeys(keys, { caseInsensitive, itemTitle });
  const max = field.maxItems;
  const full = max !== undefined && count >= max;
  const current = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

  return (
    <fieldset className="grid min-w-0 gap-2" data-field={formatFieldPath(path)} aria-describedby={`${listKey}-messages`}>
      <legend className="flex w-full items-center justify-between gap-2 text-sm font-medium">
        <span>{name}</span>
        {max !== undefined && (
          <span className="text-xs font-normal text-muted-foreground tabular-nums">
            <span className="sr-only">{`${count} of at most ${max}`}</span>
            <span aria-hidden="true">
              {count} / {max}
            </span>
          </span>
        )}
      </legend>
      {count > 0 && (
        <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_1.75rem] gap-2 text-xs font-medium text-muted-foreground" aria-hidden="true">
          <span id={`${listKey}-key-heading`}>Key</span>
          <span id={`${listKey}-value-heading`}>Value</span>
        </div>
      )}
      {keys.slice(0, count).map((_, index) => (
        <KeyValueRow
          key={index}
          elementId={elementId}
          path={[...path, index]}
          name={`${itemTitle} ${index + 1}`}
          duplicate={duplicates[index]}
          datalistId={caseInsensitive ? datalistId : undefined}
          listKey={listKey}
          index={index}
          canRemove={count > (field.minItems ?? 0)}
          onRemove={() =>
            editor.update(path, (value) => {
              const next = current(value).filter((__, position) => position !== index);
              return next.length === 0 && !field.required ? undefined : next;
            })
          }
        />
      ))}
      {caseInsensitive && (
        <datalist id={datalistId}>
          {commonHeaders.map((header) => (
            <option key={header} value={header} />
          ))}
        </datalist>
      )}
      <FieldMessages id={`${listKey}-messages`} issues={issues} />
      <div>
        <Button
          variant="outline"
          size="sm"
          disabled={full}
          data-add-for={listKey}
          onClick={() => {
            editor.update(path, (value) => [...current(value), initialValue(field.item)]);
            focusAfterEdit(`#${CSS.escape(fieldDomId(elementId, [...path, count, 'key']))}`);
          }}
        >
          <PlusIcon />
          Add {itemTitle.toLowerCase()}
        </Button>
      </div>
    </fieldset>
  );
}

type KeyValueRowProps = {
  elementId: string;
  path: FieldPath;
  name: string;
  duplicate: string | undefined;
  datalistId: string | undefined;
  listKey: string;
  index: number;
  canRemove: boolean;
  onRemove: () => void;
};

function KeyValueRow({ elementId, path, name, duplicate, datalistId, listKey, index, canRemove, onRemove }: KeyValueRowProps) {
  const keyPath = [...path, 'key'];
  const valuePath = [...path, 'value'];
  const key = useElementValue(elementId, keyPath);
  const value = useElementValue(elementId, valuePath);
  const editor = useElementEditor(elementId);
  const keyIssues = useFieldIssues(elementId, keyPath, duplicate === undefined ? undefined : 'duplicate-key');
  const valueIssues = useFieldIssues(elementId, valuePath);
  const rowIssues = useFieldIssues(elementId, path);
  const keyId = fieldDomId(elementId, keyPath);
  const valueId = fieldDomId(elementId, valuePath);
  const keyErrors = duplicate === undefined ? keyIssues.errors : [duplicate, ...keyIssues.errors];
  // Each input is named by the row ("Header 2") and its visible column heading ("Key"), and
  // described by its own part of the message area under the row (the columns are too narrow for sentences).
  return (
    <div className="grid gap-1" data-field={formatFieldPath(path)}>
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_1.75rem] items-start gap-2">
        <span id={`${keyId}-row`} className="sr-only">
          {name}
        </span>
        <div data-field={formatFieldPath(keyPath)}>
          <Input
            id={keyId}
            aria-labelledby={`${keyId}-row ${listKey}-key-heading`}
            list={datalistId}
            value={typeof key === 'string' ? key : ''}
            maxLength={256}
            aria-invalid={keyErrors.length > 0}
            aria-describedby={`${keyId}-messages`}
            onChange={(event) => editor.set(keyPath, event.target.value, { typing: true })}
          />
        </div>
        <div data-field={formatFieldPath(valuePath)}>
          <Input
            id={valueId}
            aria-labelledby={`${keyId}-row ${listKey}-value-heading`}
            value={typeof value === 'string' ? value : ''}
            maxLength={4096}
            aria-invalid={valueIssues.errors.length > 0}
            aria-describedby={`${valueId}-messages`}
            onChange={(event) => editor.set(valuePath, event.target.value, { typing: true })}
          />
        </div>
        <Button
          variant="ghost"
          size="icon"
          className="mt-0.5 size-8 text-muted-foreground hover:text-destructive"
          aria-label={`Remove ${name}`}
          title={`Remove ${name}`}
          disabled={!canRemove}
          data-list={listKey}
          data-index={index}
          data-action="remove"
          onClick={() => {
            onRemove();
            focusAfterEdit(`[data-list="${CSS.escape(listKey)}"][data-index="${index}"][data-action="remove"]`, `[data-add-for="${CSS.escape(listKey)}"]`);
          }}
        >
          <TrashIcon />
        </Button>
      </div>
      <FieldMessages id={`${keyId}-messages`} issues={{ errors: keyErrors, warnings: keyIssues.warnings }} />
      <FieldMessages id={`${valueId}-messages`} issues={valueIssues} />
      <FieldMessages id={`${fieldDomId(elementId, path)}-messages`} issues={rowIssues} />
    </div>
  );
}
