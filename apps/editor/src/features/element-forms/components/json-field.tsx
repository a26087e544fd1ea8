'use client';

import { useState } from 'react';
import { Textarea } from '../../../ui/textarea';
import type { JsonFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';

/** A value the form has no control for, edited as JSON text; text that is not JSON stays in the box with a message. */
export function JsonField({ elementId, field, path, label, labelHidden, actions }: FieldProps<JsonFieldDescription>) {
  const stored = useElementValue(elementId, path);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (stored === undefined ? '' : JSON.stringify(stored, null, 2));
  let problem: string | undefined;
  if (draft !== null && draft.trim() !== '') {
    try {
      JSON.parse(draft);
    } catch {
      problem = 'Not valid JSON yet';
    }
  }
  return (
    <FieldShell
      id={fieldDomId(elementId, path)}
      field={formatFieldPath(path)}
      label={label ?? field.label}
      labelHidden={labelHidden}
      hint={field.description}
      issues={issues}
      localProblem={problem}
      actions={actions}
    >
      {(control) => (
        <Textarea
          {...control}
          className="font-mono text-xs"
          rows={4}
          value={text}
          onBlur={() => setDraft(null)}
          onChange={(event) => {
            const next = event.target.value;
            setDraft(next);
            if (next.trim() === '') return editor.set(path, undefined, { typing: true });
            try {
              const parsed: unknown = JSON.parse(next);
              editor.set(path, parsed, { typing: true });
            } catch {
              // Kept in the box until it parses.
            }
          }}
        />
      )}
    </FieldShell>
  );
}
