import type { FormEditor } from '@parley/elements';
import type { FieldDescription } from './field-description';

/** The control the settings form renders for a field. */
export type FieldControl =
  | Exclude<FormEditor, 'textarea'>
  | 'text'
  | 'textarea'
  | 'number'
  | 'number-select'
  | 'switch'
  | 'select'
  | 'fixed'
  | 'list'
  | 'group'
  | 'variant-select'
  | 'json';

/** Integer ranges up to this many values with option labels are offered as a select ("No repeat", "1 time" ...). */
const maxSelectableRange = 12;

function isKeyValueItem(field: FieldDescription): boolean {
  return field.kind === 'object' && ['key', 'value'].every((key) => field.fields.some((child) => child.key === key && child.kind === 'string'));
}

/**
 * Which control a field gets: the `editor` its metadata asks for when that editor fits
 * the field's kind (textarea, pickers and code for text; key-value, buttons, keywords
 * and conditions for lists), else the one its kind implies. 'fixed' fields (a variant's
 * tag) show nothing; 'hidden' ones are set by Parley.
 */
export function controlOf(field: FieldDescription): FieldControl {
  const editor = field.meta.editor;
  if (editor === 'hidden') return 'hidden';
  if (
    field.kind === 'string' &&
    (editor === 'textarea' || editor === 'attribute' || editor === 'dialog' || editor === 'component' || editor === 'certificate' || editor === 'code')
  )
    return editor;
  if (field.kind === 'array') {
    if (editor === 'key-value' && isKeyValueItem(field.item)) return 'key-value';
    if (editor === 'buttons' || editor === 'keywords' || editor === 'conditions') return editor;
    return 'list';
  }
  switch (field.kind) {
    case 'string':
      return 'text';
    case 'number': {
      const { minimum, maximum } = field;
      const selectable =
        field.integer && field.meta.optionLabels !== undefined && minimum !== undefined && maximum !== undefined && maximum - minimum < maxSelectableRange;
      return selectable ? 'number-select' : 'number';
    }
    case 'boolean':
      return 'switch';
    case 'enum':
      return 'select';
    case 'const':
      return 'fixed';
    case 'object':
      return 'group';
    case 'union':
      return 'variant-select';
    case 'json':
      return 'json';
  }
}
