'use client';

import { Switch } from '../../../ui/switch';
import type { BooleanFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';

/** An on/off field. Back at its default (false unless the schema says otherwise) an optional field is removed. */
export function SwitchField({ elementId, field, path, label, labelHidden, actions }: FieldProps<BooleanFieldDescription>) {
  const stored = useElementValue(elementId, path);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const id = fieldDomId(elementId, path);
  const fallback = typeof field.defaultValue === 'boolean' ? field.defaultValue : false;
  const checked = typeof stored === 'boolean' ? stored : fallback;
  return (
    <FieldShell
      id={id}
      field={formatFieldPath(path)}
      label={label ?? field.label}
      labelHidden={labelHidden}
      hint={field.description}
      issues={issues}
      actions={actions}
      inline
    >
      {(control) => (
        <Switch {...control} checked={checked} onCheckedChange={(next) => editor.set(path, !field.required && next === fallback ? undefined : next)} />
      )}
    </FieldShell>
  );
}
