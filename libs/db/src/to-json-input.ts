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
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`Value is not JSON-serializable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text === undefined) throw new TypeError('Value is not JSON-serializable');
  const parsed = jsonSchema.parse(JSON.parse(text));
  if (parsed === null) throw new TypeError('null cannot be stored in a NOT NULL Json column');
  return parsed;
}
