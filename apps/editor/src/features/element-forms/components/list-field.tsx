'use client';

import { Button } from '../../../ui/button';
import { PlusIcon } from '../../../ui/icons';
import type { ArrayFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { initialValue } from '../form-model/initial-value';
import { moveItem } from '../form-model/move-item';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementLength } from '../hooks/use-element-length';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldMessages } from './field-messages';
import { focusAfterEdit } from './item-actions';
import { ListItem } from './list-item';

/**
 * A list of values or objects: add (up to the schema's maximum, shown as "n / max"),
 * remove (down to its minimum), move up and down. An optional list left empty is removed.
 * The list subscribes to its length only; each item to its own value.
 */
export function ListField({ elementId, field, path, label }: FieldProps<ArrayFieldDescription>) {
  const length = useElementLength(elementId, path);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const listKey = fieldDomId(elementId, path);
  const max = field.maxItems;
  const full = max !== undefined && length >= max;
  const name = label ?? field.label;
  const itemName = field.itemTitle.toLowerCase();

  const current = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
  const remove = (index: number) =>
    editor.update(path, (value) => {
      const next = current(value).filter((_, position) => position !== index);
      return next.length === 0 && !field.required ? undefined : next;
    });
  const move = (from: number, to: number) => editor.update(path, (value) => moveItem(current(value), from, to));
  const add = () => {
    editor.update(path, (value) => [...current(value), initialValue(field.item)]);
    focusAfterEdit(
      `#${CSS.escape(fieldDomId(elementId, [...path, length]))}`,
      `[data-list="${CSS.escape(listKey)}"][data-index="${length}"][data-action="remove"]`,
    );
  };

  return (
    <fieldset className="grid min-w-0 gap-2" data-field={formatFieldPath(path)} aria-describedby={`${listKey}-messages`}>
      <legend className="flex w-full items-center justify-between gap-2 text-sm font-medium">
        <span>{name}</span>
        {max !== undefined && (
          <span className="text-xs font-normal text-muted-foreground tabular-nums">
            <span className="sr-only">{`${length} of at most ${max}`}</span>
            <span aria-hidden="true">
              {length} / {max}
            </span>
          </span>
        )}
      </legend>
      {field.description && <p className="line-clamp-3 text-xs text-muted-foreground">{field.description}</p>}
      {Array.from({ length }, (_, index) => (
        <ListItem
          key={index}
          elementId={elementId}
          field={field.item}
          path={[...path, index]}
          name={`${field.itemTitle} ${index + 1}`}
          listKey={listKey}
          index={index}
          count={length}
          canRemove={length > (field.minItems ?? 0)}
          onMove={(to) => move(index, to)}
          onRemove={() => remove(index)}
        />
      ))}
      <FieldMessages id={`${listKey}-messages`} issues={issues} />
      <div>
        <Button variant="outline" size="sm" disabled={full} onClick={add} data-add-for={listKey}>
          <PlusIcon />
          Add {itemName}
        </Button>
        {full && <span className="ml-2 text-xs text-muted-foreground">{`At most ${max}.`}</span>}
      </div>
    </fieldset>
  );
}
