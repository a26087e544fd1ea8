'use client';

import { useState, type KeyboardEvent } from 'react';
import { Input } from '../../../ui/input';
import type { NumberFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { numberRangeProblem } from '../form-model/number-range-problem';
import { parseNumberText } from '../form-model/parse-number-text';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';

function rangeText(field: NumberFieldDescription): string | undefined {
  const { minimum, maximum } = field;
  if (minimum !== undefined && maximum !== undefined) return `${minimum}–${maximum}`;
  if (minimum !== undefined) return `at least ${minimum}`;
  if (maximum !== undefined) return `at most ${maximum}`;
  return undefined;
}

/**
 * A number field. Every number typed is written at once (out of range too: validation
 * reports it, and the form says so immediately); text that is not a number yet ("-") is
 * kept in the box only, with a message, until it is one or the box loses focus. Empty
 * removes an optional field (its default applies). Arrow up / down step by 1 within range.
 */
export function NumberField({ elementId, field, path, label, labelHidden, actions }: FieldProps<NumberFieldDescription>) {
  const stored = useElementValue(elementId, path);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const [draft, setDraft] = useState<string | null>(null);
  const value = typeof stored === 'number' ? stored : undefined;
  const text = draft ?? (value === undefined ? '' : String(value));
  const parsed = parseNumberText(text, field.integer);
  const localProblem = parsed.kind === 'invalid' ? parsed.message : parsed.kind === 'number' ? numberRangeProblem(parsed.value, field) : undefined;
  const id = fieldDomId(elementId, path);
  const range = rangeText(field);
  const defaultValue = typeof field.defaultValue === 'number' ? field.defaultValue : undefined;

  const accept = (next: string) => {
    setDraft(next);
    const result = parseNumberText(next, field.integer);
    if (result.kind === 'number') editor.set(path, result.value, { typing: true });
    if (result.kind === 'empty') editor.set(path, undefined, { typing: true });
  };
  const step = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const base = parsed.kind === 'number' ? parsed.value : (defaultValue ?? field.minimum ?? 0);
    let next = base + (event.key === 'ArrowUp' ? 1 : -1);
    if (field.minimum !== undefined) next = Math.max(field.minimum, next);
    if (field.maximum !== undefined) next = Math.min(field.maximum, next);
    accept(String(next));
  };

  return (
    <FieldShell
      id={id}
      field={formatFieldPath(path)}
      label={label ?? field.label}
      labelHidden={labelHidden}
      hint={[range && `Range ${range}.`, field.description].filter(Boolean).join(' ') || undefined}
      issues={issues}
      localProblem={localProblem}
      actions={actions}
    >
      {(control) => (
        <Input
          {...control}
          inputMode={field.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          value={text}
          placeholder={defaultValue === undefined ? undefined : String(defaultValue)}
          className="w-32"
          onChange={(event) => accept(event.target.value)}
          onKeyDown={step}
          onBlur={() => setDraft(null)}
        />
      )}
    </FieldShell>
  );
}
