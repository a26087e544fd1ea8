'use client';

import { useFlow } from '../../bot-editor/store/editor-stores';
import { getAtPath } from '../../bot-editor/document/set-at-path';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../../../ui/select';
import { findElement } from '../../bot-editor/document/flow-edits';
import type { UnionFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { initialValue } from '../form-model/initial-value';
import { matchVariant } from '../form-model/match-variant';
import { useElementEditor } from '../hooks/use-element-editor';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldList } from './field-list';
import { FieldShell } from './field-shell';
import { SchemaField } from './schema-field';

const noneValue = '__none__';

/**
 * One of several shapes (a discriminated union such as a fallback action or a request
 * body, or a plain one such as a Person field): a select names the variant, then the
 * variant's own fields follow. Choosing another variant starts it afresh; an optional
 * union offers "None", which removes it. `allowed` narrows the variants offered (the API
 * body offers the modes of its content type), the current one always included.
 */
export function UnionField({
  elementId,
  field,
  path,
  label,
  labelHidden,
  actions,
  allowed,
}: FieldProps<UnionFieldDescription> & { allowed?: readonly string[] | undefined }) {
  const variantIndex = useFlow((state) => matchVariant(field, getAtPath(findElement(state.flow, elementId), path)));
  const present = useFlow((state) => getAtPath(findElement(state.flow, elementId), path) !== undefined);
  const editor = useElementEditor(elementId);
  const ownIssues = useFieldIssues(elementId, path);
  // Issues about the variant itself may name the tag ('body.type'), which has no control of its own.
  const tagIssues = useFieldIssues(elementId, field.discriminator === undefined ? path : [...path, field.discriminator]);
  const issues =
    field.discriminator === undefined
      ? ownIssues
      : { errors: [...ownIssues.errors, ...tagIssues.errors], warnings: [...ownIssues.warnings, ...tagIssues.warnings] };
  // The variant select has an id of its own: a variant that is a single value renders its control at the same path.
  const id = `${fieldDomId(elementId, path)}--variant`;
  const variant = variantIndex === undefined ? undefined : field.variants[variantIndex];
  const offered = field.variants
    .map((candidate, index) => ({ candidate, index }))
    .filter(({ candidate, index }) => !allowed || index === variantIndex || (candidate.tag !== undefined && allowed.includes(candidate.tag)));
  const selectValue = variantIndex !== undefined ? String(variantIndex) : present ? '' : field.required ? '' : noneValue;
  return (
    <div className="grid min-w-0 gap-3">
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
            value={selectValue}
            onValueChange={(next) => {
              if (next === noneValue) return editor.set(path, undefined);
              const chosen = field.variants[Number(next)];
              if (chosen) editor.set(path, initialValue(chosen.field));
            }}
          >
            <SelectTrigger {...control}>
              <SelectValue placeholder="Choose…" />
            </SelectTrigger>
            <SelectContent>
              {!field.required && <SelectItem value={noneValue}>None</SelectItem>}
              {offered.map(({ candidate, index }) => (
                <SelectItem key={index} value={String(index)}>
                  {candidate.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        )}
      </FieldShell>
      {variant && variant.field.kind === 'object' && variant.field.fields.some((child) => child.kind !== 'const') && (
        <div className="rounded-md border-l-2 border-border pl-3">
          <FieldList elementId={elementId} fields={variant.field.fields} path={path} />
        </div>
      )}
      {variant && variant.field.kind !== 'object' && variant.field.kind !== 'const' && (
        <SchemaField elementId={elementId} field={variant.field} path={path} label={variant.label} />
      )}
    </div>
  );
}
