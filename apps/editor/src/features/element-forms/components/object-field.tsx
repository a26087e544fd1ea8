'use client';

import { Switch } from '../../../ui/switch';
import { Label } from '../../../ui/label';
import type { ObjectFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { initialValue } from '../form-model/initial-value';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldList } from './field-list';
import { FieldMessages } from './field-messages';

/**
 * A nested object as a named group of its fields. An optional object without a default
 * (a fallback, a repeat message ...) gets a switch: on adds it with its required fields
 * empty, off removes it.
 */
export function ObjectField({ elementId, field, path, label }: FieldProps<ObjectFieldDescription>) {
  const present = useElementValue(elementId, path) !== undefined;
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const id = fieldDomId(elementId, path);
  const name = label ?? field.label;
  const toggled = !field.required && field.defaultValue === undefined;
  const shown = present || !toggled;
  return (
    <fieldset className="grid min-w-0 gap-3" data-field={formatFieldPath(path)} aria-describedby={`${id}-messages`}>
      {toggled ? (
        <>
          <legend className="sr-only">{name}</legend>
          <div className="flex items-center justify-between gap-3">
            <Label htmlFor={id}>{name}</Label>
            <Switch id={id} checked={present} onCheckedChange={(on) => editor.set(path, on ? initialValue(field) : undefined)} />
          </div>
        </>
      ) : (
        <legend className="text-sm font-medium">{name}</legend>
      )}
      {field.description && <p className="line-clamp-3 text-xs text-muted-foreground">{field.description}</p>}
      <FieldMessages id={`${id}-messages`} issues={issues} />
      {shown && (
        <div className="rounded-md border-l-2 border-border pl-3">
          <FieldList elementId={elementId} fields={field.fields} path={path} />
        </div>
      )}
    </fieldset>
  );
}
