import type { FormMeta } from '@parley/elements';

/** What every described field has, whatever its kind. */
type FieldCommon = {
  /** Property name inside the parent object; undefined for list items and union variants. */
  readonly key: string | undefined;
  /** Visible label: the `title` meta, else the key in words ("saveAs" → "Save as"). */
  readonly label: string;
  readonly description: string | undefined;
  /** The parent object requires it as written (fields with a schema default are not required). */
  readonly required: boolean;
  /** The schema default (JSON Schema `default`), used when the field is absent. */
  readonly defaultValue: unknown;
  readonly meta: FormMeta;
};

export type StringFieldDescription = FieldCommon & {
  readonly kind: 'string';
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
};
export type NumberFieldDescription = FieldCommon & {
  readonly kind: 'number';
  readonly integer: boolean;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
};
export type BooleanFieldDescription = FieldCommon & { readonly kind: 'boolean' };
export type EnumOption = { readonly value: string; readonly label: string };
export type EnumFieldDescription = FieldCommon & { readonly kind: 'enum'; readonly options: readonly EnumOption[] };
/** A fixed value (the `type` tag of a union variant): written, never edited. */
export type ConstFieldDescription = FieldCommon & { readonly kind: 'const'; readonly value: string | number | boolean };
export type ArrayFieldDescription = FieldCommon & {
  readonly kind: 'array';
  readonly item: FieldDescription;
  readonly minItems: number | undefined;
  readonly maxItems: number | undefined;
  /** What one item is called ("Variation" → "Variation 2"). */
  readonly itemTitle: string;
};
export type ObjectFieldDescription = FieldCommon & { readonly kind: 'object'; readonly fields: readonly FieldDescription[] };
export type UnionVariant = {
  readonly label: string;
  /** The discriminator's value for this variant (discriminated unions only). */
  readonly tag: string | undefined;
  readonly field: FieldDescription;
};
export type UnionFieldDescription = FieldCommon & {
  readonly kind: 'union';
  /** The property whose constant tells the variants apart, or undefined (then by the value's shape). */
  readonly discriminator: string | undefined;
  readonly variants: readonly UnionVariant[];
};
/** Anything the form has no control for: edited as JSON text (no element field needs it today). */
export type JsonFieldDescription = FieldCommon & { readonly kind: 'json' };

/**
 * A form field described from the element's JSON Schema (z.toJSONSchema, input side):
 * its kind, label, limits and form metadata. The form renders one control per field.
 */
export type FieldDescription =
  | StringFieldDescription
  | NumberFieldDescription
  | BooleanFieldDescription
  | EnumFieldDescription
  | ConstFieldDescription
  | ArrayFieldDescription
  | ObjectFieldDescription
  | UnionFieldDescription
  | JsonFieldDescription;
