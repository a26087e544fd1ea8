import { z } from 'zod';

/**
 * Ids of dialogs, elements and edges: 1–64 characters of letters, digits, `_` and `-`
 * (UUIDs and nanoids fit). Element ids are unique across the whole flow, so an
 * element id alone names a place in the bot.
 */
export const elementIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "_" and "-" only')
  .meta({ description: 'Unique id: 1–64 letters, digits, "_" or "-".' });

/** An output port of an element ('next', 'timeout', later one per condition ...). */
export const portIdSchema = z.string().min(1).max(64).meta({ description: 'Output port name.' });

/** The port an edge leaves from when it names none. */
export const defaultPort = 'next';

/** Canvas position; the engine ignores it. */
export const positionSchema = z.strictObject({ x: z.number(), y: z.number() });

/**
 * Fields every element has. Each element schema extends this with a literal `type`
 * and its own config; objects are strict so a misspelt field is reported, not dropped.
 */
export const elementBaseSchema = z.strictObject({
  id: elementIdSchema,
  name: z.string().max(100).optional().meta({ description: 'Label shown on the canvas.' }),
  position: positionSchema.optional(),
});
