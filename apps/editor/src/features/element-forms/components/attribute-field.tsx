'use client';

import { useMemo } from 'react';
import { Combobox } from '../../../ui/combobox';
import { setElementField } from '../../bot-editor/document/flow-edits';
import { useFlow } from '../../bot-editor/store/editor-stores';
import { attributeOptions } from '../form-model/attribute-options';
import { attributeToCreate } from '../form-model/attribute-to-create';
import type { StringFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';

/**
 * Picks one attribute of the flow: a searchable list of the declared attributes that fit
 * the field (attributeTypes, and no built-ins for written fields), and "Create attribute
 * <typed name>", which declares { name, type, scope: 'session' } in flow.attributes and
 * picks it in one undo step. An optional field offers "None".
 */
export function AttributeField({ elementId, field, path, label, labelHidden, actions }: FieldProps<StringFieldDescription>) {
  const stored = useElementValue(elementId, path);
  const declared = useFlow((state) => state.flow.attributes);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const value = typeof stored === 'string' && stored !== '' ? stored : undefined;
  const options = useMemo(
    () =>
      attributeOptions(declared, field.meta).map((option) => ({
        value: option.name,
        label: option.name,
        hint: option.builtIn ? `${option.type}, built-in` : option.type,
      })),
    [declared, field.meta],
  );
  const fallback = typeof field.defaultValue === 'string' ? field.defaultValue : undefined;
  const name = label ?? field.label;
  return (
    <FieldShell
      id={fieldDomId(elementId, path)}
      field={formatFieldPath(path)}
      label={name}
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
          placeholder={fallback ? `${fallback} (default)` : 'Choose an attribute…'}
          searchLabel="Search or create attribute"
          emptyText="No attribute fits. Type a name to create one."
          unknownValueLabel={(missing) => (declared.some((declaration) => declaration.name === missing) ? missing : `${missing} (not declared)`)}
          clearLabel={field.required ? undefined : fallback ? `Default (${fallback})` : 'None'}
          onClear={() => editor.set(path, field.required ? '' : undefined)}
          create={(query) => {
            const result = attributeToCreate(query, declared, field.meta);
            if (!result) return undefined;
            if (!result.ok) return { message: result.message };
            const { declaration } = result;
            return {
              label: `Create attribute "${declaration.name}" (${declaration.type})`,
              onCreate: () =>
                editor.editFlow((flow) => setElementField({ ...flow, attributes: [...flow.attributes, declaration] }, elementId, path, declaration.name)),
            };
          }}
        />
      )}
    </FieldShell>
  );
}
