'use client';

import type { FieldPath } from '../../bot-editor/document/editor-flow';
import type { FieldDescription } from '../form-model/field-description';
import { useElementValue } from '../hooks/use-element-value';
import { SchemaField } from './schema-field';

/**
 * The fields of one object (an element, a list item, a union variant) at `path`, in form
 * order. A field with `visibleWhen` shows while its sibling has one of the listed values
 * (the sibling's default counts when it is absent), or while it has a value of its own.
 */
export function FieldList({ elementId, fields, path }: { elementId: string; fields: readonly FieldDescription[]; path: FieldPath }) {
  return (
    <div className="grid min-w-0 gap-4">
      {fields.map((field) =>
        field.key === undefined ? null : field.meta.visibleWhen ? (
          <ConditionalField key={field.key} elementId={elementId} field={field} fields={fields} path={path} />
        ) : (
          <SchemaField key={field.key} elementId={elementId} field={field} path={[...path, field.key]} />
        ),
      )}
    </div>
  );
}

function ConditionalField({
  elementId,
  field,
  fields,
  path,
}: {
  elementId: string;
  field: FieldDescription;
  fields: readonly FieldDescription[];
  path: FieldPath;
}) {
  const rule = field.meta.visibleWhen;
  const key = field.key ?? '';
  const sibling = useElementValue(elementId, [...path, rule?.field ?? '']);
  const own = useElementValue(elementId, [...path, key]);
  const siblingDefault = fields.find((candidate) => candidate.key === rule?.field)?.defaultValue;
  const siblingValue = sibling ?? siblingDefault;
  const visible = !rule || own !== undefined || (typeof siblingValue === 'string' && rule.oneOf.includes(siblingValue));
  return visible ? <SchemaField elementId={elementId} field={field} path={[...path, key]} /> : null;
}
