'use client';

import { useMemo } from 'react';
import { Combobox } from '../../../ui/combobox';
import { addDialog, setElementField } from '../../bot-editor/document/flow-edits';
import { useFlow } from '../../bot-editor/store/editor-stores';
import type { StringFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';

const separator = '\u0000';

/**
 * Picks a dialog of the flow by name (To Dialog, a fallback's "Go to a dialog"), or
 * creates one from the typed name and picks it in one undo step. Subscribes to the
 * dialogs' ids and names only, so edits inside dialogs do not re-render it.
 */
export function DialogField({ elementId, field, path, label, labelHidden, actions }: FieldProps<StringFieldDescription>) {
  const stored = useElementValue(elementId, path);
  const dialogKey = useFlow((state) => state.flow.dialogs.map((dialog) => `${dialog.id}${separator}${dialog.name}`).join('\n'));
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const options = useMemo(
    () =>
      dialogKey === ''
        ? []
        : dialogKey.split('\n').map((line) => {
            const [id = '', name = ''] = line.split(separator);
            return { value: id, label: name };
          }),
    [dialogKey],
  );
  const value = typeof stored === 'string' && stored !== '' ? stored : undefined;
  return (
    <FieldShell
      id={fieldDomId(elementId, path)}
      field={formatFieldPath(path)}
      label={label ?? field.label}
      labelHidden={labelHidden}
      hint={field.description}
      issues={issues}
      actions={actions}
    >
      {(control) => (
        <Combobox
          {...control}
          value={value}
          options={options}
          onChange={(next) => editor.set(path, next)}
          placeholder="Choose a dialog…"
          searchLabel="Search or create dialog"
          emptyText="No dialog matches."
          unknownValueLabel={(missing) => `${missing} (no such dialog)`}
          create={(query) => {
            const name = query.trim().slice(0, 100);
            if (name === '' || options.some((option) => option.label.toLowerCase() === name.toLowerCase())) return undefined;
            return {
              label: `Create dialog "${name}"`,
              onCreate: () =>
                editor.editFlow((flow) => {
                  const added = addDialog(flow, name);
                  return setElementField(added.flow, elementId, path, added.dialogId);
                }),
            };
          }}
        />
      )}
    </FieldShell>
  );
}
