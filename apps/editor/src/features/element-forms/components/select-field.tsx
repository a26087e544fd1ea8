'use client';

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../../../ui/select';
import type { EnumFieldDescription, EnumOption, NumberFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';

/** Radix Select items cannot have '' as value: this one stands for "not set". */
const noneValue = '__none__';

/**
 * A choice from a fixed list: an enum's values, or a small integer range with option
 * labels ("No repeat", "1 time" ...). A field with a default shows it while absent; an
 * optional field without one offers "None", which removes it.
 */
export function SelectField({ elementId, field, path, label, labelHidden, actions }: FieldProps<EnumFieldDescription | NumberFieldDescription>) {
  const stored = useElementValue(elementId, path);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const id = fieldDomId(elementId, path);
  const numeric = field.kind === 'number';
  const options: readonly EnumOption[] = numeric ? numberOptions(field) : field.options;
  const fallback = field.defaultValue ?? (numeric && !field.required ? field.minimum : undefined);
  const effective = stored ?? fallback;
  const current = effective === undefined ? noneValue : String(effective);
  const offerNone = !field.required && fallback === undefined;
  const unknown = current !== noneValue && !options.some((option) => option.value === current);
  return (
    <FieldShell
      id={id}
      field={formatFieldPath(path)}
      label={label ?? field.label}
      labelHidden={labelHidden}
      hint={field.description}
      issues={issues}
      actions={actions}
    >
      {(control) => (
        <Select
          value={current === noneValue && !offerNone ? '' : current}
          onValueChange={(next) => {
            if (next === noneValue) return editor.set(path, undefined);
            const value = numeric ? Number(next) : next;
            editor.set(path, !field.required && value === fallback ? undefined : value);
          }}
        >
          <SelectTrigger {...control}>
            <SelectValue placeholder="Choose…" />
          </SelectTrigger>
          <SelectContent>
            {offerNone && <SelectItem value={noneValue}>None</SelectItem>}
            {unknown && <SelectItem value={current}>{current} (not allowed)</SelectItem>}
            {options.map((option) => (
              <SelectItem key={option.value} value={option.value}>
                {option.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
    </FieldShell>
  );
}

function numberOptions(field: NumberFieldDescription): EnumOption[] {
  const labels = field.meta.optionLabels ?? {};
  const options: EnumOption[] = [];
  for (let value = field.minimum ?? 0; value <= (field.maximum ?? field.minimum ?? 0); value += 1)
    options.push({ value: String(value), label: labels[String(value)] ?? String(value) });
  return options;
}
