'use client';

import { Input } from '../../../ui/input';
import { Textarea } from '../../../ui/textarea';
import type { StringFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';

/** Counters are shown for limits a person can reach by typing (not for 64 KiB bodies). */
const maxCountedLength = 5000;

/**
 * A text field (one line, or several for `multiline`), written to the document on every
 * keystroke. An optional field left empty is removed (its schema default, shown as the
 * placeholder, applies); a required one keeps '' so validation asks for it.
 */
export function StringField({ elementId, field, path, label, labelHidden, actions, multiline }: FieldProps<StringFieldDescription> & { multiline?: boolean }) {
  const stored = useElementValue(elementId, path);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const value = typeof stored === 'string' ? stored : '';
  const id = fieldDomId(elementId, path);
  const max = field.maxLength;
  const placeholder = typeof field.defaultValue === 'string' ? field.defaultValue : undefined;
  const write = (text: string) => editor.set(path, text === '' && !field.required ? undefined : text, { typing: true });
  return (
    <FieldShell
      id={id}
      field={formatFieldPath(path)}
      label={label ?? field.label}
      labelHidden={labelHidden}
      hint={field.description}
      counter={max !== undefined && max <= maxCountedLength ? { length: value.length, max } : undefined}
      issues={issues}
      actions={actions}
    >
      {(control) =>
        multiline ? (
          <Textarea
            {...control}
            value={value}
            maxLength={max}
            placeholder={placeholder}
            rows={3}
            className="resize-y"
            onChange={(event) => write(event.target.value)}
          />
        ) : (
          <Input {...control} value={value} maxLength={max} placeholder={placeholder} onChange={(event) => write(event.target.value)} />
        )
      }
    </FieldShell>
  );
}
