'use client';

import { useQuery } from '@tanstack/react-query';
import { Combobox } from '../../../ui/combobox';
import { browserApi, describeClientError } from '../../../trpc/browser-api';
import type { StringFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';

/** The workspace's components (components.list), shared by every Component element's picker. */
export const componentsQueryKey = ['components', 'list'] as const;

/** Picks one of the workspace's components (components.list) by name; a failed load says why. */
export function ComponentField({ elementId, field, path, label, labelHidden, actions }: FieldProps<StringFieldDescription>) {
  const stored = useElementValue(elementId, path);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const components = useQuery({ queryKey: componentsQueryKey, queryFn: () => browserApi.components.list.query() });
  const options = (components.data ?? []).map((component) => ({
    value: component.id,
    label: component.name,
    hint: component.latestVersion === null ? 'not published' : `v${component.latestVersion}`,
  }));
  const value = typeof stored === 'string' && stored !== '' ? stored : undefined;
  const hint = components.isError ? `Cannot load the components: ${describeClientError(components.error)}` : field.description;
  return (
    <FieldShell
      id={fieldDomId(elementId, path)}
      field={formatFieldPath(path)}
      label={label ?? field.label}
      labelHidden={labelHidden}
      hint={hint}
      issues={issues}
      actions={actions}
    >
      {(control) => (
        <Combobox
          {...control}
          value={value}
          options={options}
          onChange={(next) => editor.set(path, next)}
          placeholder={components.isPending ? 'Loading components…' : 'Choose a component…'}
          searchLabel="Search components"
          emptyText={components.isPending ? 'Loading…' : 'No component matches.'}
          unknownValueLabel={(missing) => (components.isPending ? missing : `${missing} (not in this workspace)`)}
        />
      )}
    </FieldShell>
  );
}
