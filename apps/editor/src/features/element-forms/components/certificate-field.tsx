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

/**
 * Picks the mTLS client certificate to present ("Include mTLS certificate in API
 * request"), from the workspace's certificates (certificates.list); "None" sends none.
 */
export function CertificateField({ elementId, field, path, label, labelHidden, actions }: FieldProps<StringFieldDescription>) {
  const stored = useElementValue(elementId, path);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const certificates = useQuery({ queryKey: ['certificates', 'list'], queryFn: () => browserApi.certificates.list.query() });
  const options = (certificates.data ?? []).map((certificate) => ({ value: certificate.id, label: certificate.name, hint: certificate.subject }));
  const value = typeof stored === 'string' && stored !== '' ? stored : undefined;
  const hint = certificates.isError ? `Cannot load the certificates: ${describeClientError(certificates.error)}` : field.description;
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
          placeholder="None (no client certificate)"
          searchLabel="Search certificates"
          emptyText={certificates.isPending ? 'Loading…' : 'No certificate. Add one under Settings.'}
          clearLabel="None"
          onClear={() => editor.set(path, undefined)}
          unknownValueLabel={(missing) => (certificates.isPending ? missing : `${missing} (not in this workspace)`)}
        />
      )}
    </FieldShell>
  );
}
