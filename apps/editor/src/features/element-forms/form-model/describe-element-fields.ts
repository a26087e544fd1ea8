import { elementRegistry, elementSchemas, type ElementType } from '@parley/elements';
import { z } from 'zod';
import { describeSchemaNode } from './describe-schema-node';
import type { FieldDescription } from './field-description';

/** Fields every element has that the settings form does not list: the header edits the name, the canvas the rest. */
export const elementBaseKeys: readonly string[] = ['id', 'type', 'name', 'position'];

const cache = new Map<ElementType, readonly FieldDescription[]>();

/**
 * The form fields of an element type, in form order, described from its zod schema via
 * z.toJSONSchema(schema, { io: 'input' }): the input side is what a flow holds (defaulted
 * fields optional), and zod copies the form metadata (`.meta({ title, editor ... })`) into
 * each node, so one walk over plain JSON sees limits, defaults, variants and metadata alike
 * (refinements, which JSON Schema cannot express, stay with validateFlow). Computed once
 * per type.
 */
export function describeElementFields(type: ElementType): readonly FieldDescription[] {
  const cached = cache.get(type);
  if (cached) return cached;
  const root = z.toJSONSchema(elementSchemas[type], { io: 'input', unrepresentable: 'any' });
  const described = describeSchemaNode(root, { key: undefined, required: true, fallbackLabel: elementRegistry[type].title, root });
  const fields = described.kind === 'object' ? described.fields.filter((field) => field.key === undefined || !elementBaseKeys.includes(field.key)) : [];
  cache.set(type, fields);
  return fields;
}
