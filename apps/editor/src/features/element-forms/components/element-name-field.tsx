'use client';

import { Input } from '../../../ui/input';
import { fieldDomId } from '../form-model/field-dom-id';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import { FieldShell } from './field-shell';

/** The element's name on the canvas (at most 100 characters; empty: the canvas shows the type's title). */
export function ElementNameField({ elementId, placeholder }: { elementId: string; placeholder: string }) {
  const stored = useElementValue(elementId, ['name']);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, ['name']);
  const value = typeof stored === 'string' ? stored : '';
  return (
    <FieldShell
      id={fieldDomId(elementId, ['name'])}
      field="name"
      label="Element name"
      issues={issues}
      counter={value.length > 80 ? { length: value.length, max: 100 } : undefined}
    >
      {(control) => (
        <Input
          {...control}
          value={value}
          maxLength={100}
          placeholder={placeholder}
          onChange={(event) => editor.set(['name'], event.target.value === '' ? undefined : event.target.value, { typing: true })}
        />
      )}
    </FieldShell>
  );
}
