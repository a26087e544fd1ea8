'use client';

import type { ReactNode } from 'react';
import { Button } from '../../../ui/button';
import { PlusIcon } from '../../../ui/icons';
import { Input } from '../../../ui/input';
import type { FieldPath } from '../../bot-editor/document/editor-flow';
import { getAtPath } from '../../bot-editor/document/set-at-path';
import { useFlow } from '../../bot-editor/store/editor-stores';
import { findElement } from '../../bot-editor/document/flow-edits';
import type { ArrayFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { moveItem } from '../form-model/move-item';
import { quickReplyProblems } from '../form-model/quick-reply-problems';
import { useElementEditor } from '../hooks/use-element-editor';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldMessages } from './field-messages';
import { FieldShell } from './field-shell';
import { focusAfterEdit, ItemActions } from './item-actions';

const separator = '\u0000';
/** The spec's limits: 10 quick replies, labels of at most 20 characters. */
const fallbackMax = 10;
const labelMax = 20;

/**
 * Quick replies of a Send message: one label per button (counter n / 20), add up to 10,
 * move, remove. A label repeating an earlier one (ignoring case) is named at once; a blank
 * one is reported by validation.
 */
export function ButtonsField({ elementId, field, path, label }: FieldProps<ArrayFieldDescription>) {
  const labelsText = useFlow((state) => {
    const list = getAtPath(findElement(state.flow, elementId), path);
    return Array.isArray(list) ? list.map((item) => String(getAtPath(item, ['label']) ?? '')).join(separator) : undefined;
  });
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const labels = labelsText === undefined ? [] : labelsText.split(separator);
  const problems = quickReplyProblems(labels);
  const listKey = fieldDomId(elementId, path);
  const max = field.maxItems ?? fallbackMax;
  const labelField = field.item.kind === 'object' ? field.item.fields.find((child) => child.key === 'label') : undefined;
  const itemMax = labelField?.kind === 'string' ? (labelField.maxLength ?? labelMax) : labelMax;
  const full = labels.length >= max;
  const current = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
  const itemTitle = field.itemTitle;

  return (
    <fieldset className="grid min-w-0 gap-2" data-field={formatFieldPath(path)} aria-describedby={`${listKey}-messages`}>
      <legend className="flex w-full items-center justify-between gap-2 text-sm font-medium">
        <span>{label ?? field.label}</span>
        <span className="text-xs font-normal text-muted-foreground tabular-nums">
          <span className="sr-only">{`${labels.length} of at most ${max}`}</span>
          <span aria-hidden="true">
            {labels.length} / {max}
          </span>
        </span>
      </legend>
      {labels.map((text, index) => {
        const labelPath = [...path, index, 'label'];
        const name = `${itemTitle} ${index + 1}`;
        return (
          <QuickReplyRow key={index} elementId={elementId} labelPath={labelPath} name={name} text={text} max={itemMax} problem={problems[index]}>
            <ItemActions
              name={name}
              listKey={listKey}
              index={index}
              count={labels.length}
              onMove={(to) => editor.update(path, (value) => moveItem(current(value), index, to))}
              onRemove={() =>
                editor.update(path, (value) => {
                  const next = current(value).filter((_, position) => position !== index);
                  return next.length === 0 && !field.required ? undefined : next;
                })
              }
            />
          </QuickReplyRow>
        );
      })}
      <FieldMessages id={`${listKey}-messages`} issues={issues} />
      <div className="flex items-center gap-2">
        <Button
          variant="outline"
          size="sm"
          disabled={full}
          data-add-for={listKey}
          onClick={() => {
            editor.update(path, (value) => [...current(value), { label: '' }]);
            focusAfterEdit(`#${CSS.escape(fieldDomId(elementId, [...path, labels.length, 'label']))}`);
          }}
        >
          <PlusIcon />
          Add {itemTitle.toLowerCase()}
        </Button>
        {full && <span className="text-xs text-muted-foreground">{`At most ${max}.`}</span>}
      </div>
    </fieldset>
  );
}

type QuickReplyRowProps = {
  elementId: string;
  labelPath: FieldPath;
  name: string;
  text: string;
  max: number;
  problem: string | undefined;
  children: ReactNode;
};

function QuickReplyRow({ elementId, labelPath, name, text, max, problem, children }: QuickReplyRowProps) {
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, labelPath, problem === undefined ? undefined : 'invalid');
  return (
    <FieldShell
      id={fieldDomId(elementId, labelPath)}
      field={formatFieldPath(labelPath)}
      label={name}
      counter={{ length: text.length, max }}
      issues={issues}
      localProblem={problem}
      actions={children}
    >
      {(control) => <Input {...control} value={text} maxLength={max} onChange={(event) => editor.set(labelPath, event.target.value, { typing: true })} />}
    </FieldShell>
  );
}
