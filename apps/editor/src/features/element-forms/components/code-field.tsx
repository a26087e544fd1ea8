'use client';

import { javascript } from '@codemirror/lang-javascript';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';
import type { StringFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { useColorScheme } from '../hooks/use-color-scheme';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import { CodeAssistant } from './code-assistant';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';

/**
 * The Code element's script in CodeMirror 6 (JavaScript highlighting, brackets, search;
 * all local, nothing fetched), written to the document as you type, with the code
 * assistant under it. Tab moves focus on (no keyboard trap); Enter indents.
 */
export function CodeField({ elementId, field, path, label, labelHidden, actions }: FieldProps<StringFieldDescription>) {
  const stored = useElementValue(elementId, path);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const scheme = useColorScheme();
  const id = fieldDomId(elementId, path);
  const value = typeof stored === 'string' ? stored : '';
  const max = field.maxLength;
  const describedBy = [
    field.description ? `${id}-hint` : undefined,
    max !== undefined ? `${id}-counter` : undefined,
    issues.errors.length > 0 || issues.warnings.length > 0 ? `${id}-messages` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const invalid = issues.errors.length > 0;
  const extensions = useMemo(
    () => [
      javascript(),
      EditorView.lineWrapping,
      // CodeMirror's own placeholder grey is too faint on white (WCAG contrast).
      EditorView.theme({ '.cm-placeholder': { color: 'var(--muted-foreground)' } }),
      EditorView.contentAttributes.of({
        id,
        'aria-labelledby': `${id}-label`,
        'aria-multiline': 'true',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
      }),
    ],
    [id, describedBy, invalid],
  );
  return (
    <div className="grid min-w-0 gap-2">
      <FieldShell
        id={id}
        field={formatFieldPath(path)}
        label={label ?? field.label}
        labelHidden={labelHidden}
        hint={field.description}
        counter={max !== undefined ? { length: value.length, max } : undefined}
        issues={issues}
        actions={actions}
      >
        {() => (
          <div className="overflow-hidden rounded-md border border-input text-[13px] focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-ring">
            <CodeMirror
              value={value}
              theme={scheme}
              minHeight="180px"
              maxHeight="420px"
              indentWithTab={false}
              basicSetup={{ foldGutter: false, highlightActiveLine: false }}
              extensions={extensions}
              placeholder="const score = attributeApi.get('score');"
              onChange={(next) => editor.set(path, next, { typing: true })}
            />
          </div>
        )}
      </FieldShell>
      <CodeAssistant elementId={elementId} path={path} code={value} />
    </div>
  );
}
