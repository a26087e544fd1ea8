'use client';

import dynamic from 'next/dynamic';
import { memo } from 'react';
import { controlOf } from '../form-model/control-of';
import { AttributeField } from './attribute-field';
import { ButtonsField } from './buttons-field';
import { CertificateField } from './certificate-field';
import { ComponentField } from './component-field';
import { ConditionsField } from './conditions-field';
import { DialogField } from './dialog-field';
import type { FieldProps } from './field-props';
import { JsonField } from './json-field';
import { KeyValueField } from './key-value-field';
import { KeywordsField } from './keywords-field';
import { ListField } from './list-field';
import { NumberField } from './number-field';
import { ObjectField } from './object-field';
import { SelectField } from './select-field';
import { StringField } from './string-field';
import { SwitchField } from './switch-field';
import { UnionField } from './union-field';

/**
 * CodeMirror and its merge view are loaded only when a Code element's settings open: they
 * are most of the editor's script, and every other screen (the canvas above all) opens
 * faster without them.
 */
const CodeField = dynamic(() => import('./code-field').then((module) => module.CodeField), {
  ssr: false,
  loading: () => <p className="text-sm text-muted-foreground">Loading the code editor…</p>,
});

function SchemaFieldControl(props: FieldProps) {
  const { field } = props;
  const control = controlOf(field);
  switch (control) {
    case 'hidden':
    case 'fixed':
      return null;
    case 'text':
    case 'textarea':
      return field.kind === 'string' ? <StringField {...props} field={field} multiline={control === 'textarea'} /> : null;
    case 'attribute':
      return field.kind === 'string' ? <AttributeField {...props} field={field} /> : null;
    case 'dialog':
      return field.kind === 'string' ? <DialogField {...props} field={field} /> : null;
    case 'component':
      return field.kind === 'string' ? <ComponentField {...props} field={field} /> : null;
    case 'certificate':
      return field.kind === 'string' ? <CertificateField {...props} field={field} /> : null;
    case 'code':
      return field.kind === 'string' ? <CodeField {...props} field={field} /> : null;
    case 'number':
      return field.kind === 'number' ? <NumberField {...props} field={field} /> : null;
    case 'number-select':
    case 'select':
      return field.kind === 'number' || field.kind === 'enum' ? <SelectField {...props} field={field} /> : null;
    case 'switch':
      return field.kind === 'boolean' ? <SwitchField {...props} field={field} /> : null;
    case 'list':
      return field.kind === 'array' ? <ListField {...props} field={field} /> : null;
    case 'key-value':
      return field.kind === 'array' ? <KeyValueField {...props} field={field} /> : null;
    case 'buttons':
      return field.kind === 'array' ? <ButtonsField {...props} field={field} /> : null;
    case 'keywords':
      return field.kind === 'array' ? <KeywordsField {...props} field={field} /> : null;
    case 'conditions':
      return field.kind === 'array' ? <ConditionsField {...props} field={field} /> : null;
    case 'group':
      return field.kind === 'object' ? <ObjectField {...props} field={field} /> : null;
    case 'variant-select':
      return field.kind === 'union' ? <UnionField {...props} field={field} /> : null;
    case 'json':
      return <JsonField {...props} field={{ ...field, kind: 'json' }} />;
  }
}

function samePath(a: FieldProps['path'], b: FieldProps['path']): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/**
 * The control of one field, chosen by controlOf (metadata first, then the field's kind).
 * Memoized on the field, its path's content and its label, so a parent re-rendering
 * (a list growing) does not re-render fields whose values did not change.
 */
export const SchemaField = memo(
  SchemaFieldControl,
  (before, after) =>
    before.elementId === after.elementId &&
    before.field === after.field &&
    before.label === after.label &&
    before.labelHidden === after.labelHidden &&
    before.actions === after.actions &&
    samePath(before.path, after.path),
);
