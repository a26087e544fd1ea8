import type { ReactNode } from 'react';
import type { FieldPath } from '../../bot-editor/document/editor-flow';
import type { FieldDescription } from '../form-model/field-description';

/** What every field control of the settings form receives. */
export type FieldProps<F extends FieldDescription = FieldDescription> = {
  elementId: string;
  field: F;
  /** Where the field's value sits inside the element. */
  path: FieldPath;
  /** Replaces the field's own label (list items: "Variation 2"). */
  label?: string | undefined;
  /** Hides the label visually; it still names the control. */
  labelHidden?: boolean | undefined;
  /** Buttons shown with the label (a list item's move and remove). */
  actions?: ReactNode;
};
