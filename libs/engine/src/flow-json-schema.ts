import { z } from 'zod';
import { flowSchema } from './flow-schema';

/**
 * JSON Schema (draft 2020-12) of the flow document as authors write it (input side:
 * defaulted fields are optional). Generated from flowSchema, so it never drifts;
 * docs/flow-schema.json holds flowJsonSchemaText() (see write-flow-schema.ts).
 */
export function flowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(flowSchema, { target: 'draft-2020-12', io: 'input' });
}

/** The exact text of docs/flow-schema.json: 2-space JSON plus a final newline. */
export function flowJsonSchemaText(): string {
  return `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
}
