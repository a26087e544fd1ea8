import { z } from 'zod';
import type { Prisma } from './generated/client';

/** A value Prisma can write to a non-null `Json` column. */
export type JsonInput = Prisma.InputJsonValue;

/** A value read back from a `Json` column. */
export type JsonValue = Prisma.JsonValue;

const jsonSchema = z.json();

/**
 * Converts any JSON-serializable value into what Prisma writes to a `Json`
 * column, with exactly the meaning `JSON.stringify` gives it (`toJSON` is
 * honoured, `undefined` object members are dropped, dates become strings).
 * Throws a TypeError for values JSON cannot represent at the top level
 * (`undefined`, functions, bigint, `null`: the columns are NOT NULL).
 */
export function toJsonInput(value: unknown): JsonInput {
  const parsed = jsonSchema.parse(JSON.parse(toJsonText(value)));
  if (parsed === null) throw new TypeError('null cannot be stored in a NOT NULL Json column');
  return parsed;
}

/**
 * The JSON text toJsonInput's value is written as (for raw SQL: `${text}::jsonb`), without
 * building that value: the same meaning and the same TypeErrors. JSON.stringify's output
 * is always valid JSON, so nothing needs parsing back on the turn's hot path.
 */
export function toJsonText(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`Value is not JSON-serializable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text === undefined) throw new TypeError('Value is not JSON-serializable');
  if (text === 'null') throw new TypeError('null cannot be stored in a NOT NULL Json column');
  return text;
}
