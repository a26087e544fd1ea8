'use client';

import type { FieldPath } from '../../bot-editor/document/editor-flow';
import type { FieldDescription } from '../form-model/field-description';
import { formatFieldPath } from '../form-model/format-field-path';
import { FieldList } from './field-list';
import { HintsContext } from './hints-context';
import { ItemActions } from './item-actions';
import { SchemaField } from './schema-field';

type ListItemProps = {
  elementId: string;
  field: FieldDescription;
  path: FieldPath;
  /** "Variation 2": the item's label, and its name in the action buttons. */
  name: string;
  listKey: string;
  index: number;
  count: number;
  canRemove: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
};

/**
 * One item of a generic list: a value with its label and actions on one row, or an
 * object as a named group with its actions and its fields. Items show no hints (the
 * list shows its description once).
 */
export function ListItem({ elementId, field, path, name, listKey, index, count, canRemove, onMove, onRemove }: ListItemProps) {
  const actions = <ItemActions name={name} listKey={listKey} index={index} count={count} onMove={onMove} onRemove={onRemove} canRemove={canRemove} />;
  if (field.kind !== 'object') {
    return (
      <HintsContext value={false}>
        <SchemaField elementId={elementId} field={field} path={path} label={name} actions={actions} />
      </HintsContext>
    );
  }
  return (
    <HintsContext value={false}>
      <fieldset className="grid min-w-0 gap-3 rounded-md border p-3" data-field={formatFieldPath(path)}>
        <legend className="sr-only">{name}</legend>
        <div className="-mt-1 flex items-center justify-between gap-2">
          <span className="text-sm font-medium" aria-hidden="true">
            {name}
          </span>
          {actions}
        </div>
        <FieldList elementId={elementId} fields={field.fields} path={path} />
      </fieldset>
    </HintsContext>
  );
}
