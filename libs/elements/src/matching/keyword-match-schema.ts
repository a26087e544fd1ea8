import { z } from 'zod';

/**
 * How a reply matched a keyword, strongest first. matchKeyword prefers a stronger method
 * over keyword order (see there).
 */
export const keywordMatchMethodSchema = z.enum(['exact', 'normalized', 'stem', 'synonym', 'fuzzy']);
export type KeywordMatchMethod = z.infer<typeof keywordMatchMethodSchema>;

/** The keyword a reply matched: its position in the element's list, its text, and how. */
export const keywordMatchSchema = z.strictObject({
  index: z.number().int().min(0),
  keyword: z.string(),
  score: z.number().min(0).max(1).meta({ description: 'Confidence in [0, 1]: 1 exact … about 0.6 for a typo.' }),
  method: keywordMatchMethodSchema,
});
export type KeywordMatch = z.infer<typeof keywordMatchSchema>;

/**
 * Options of matchKeyword. `synonyms` are extra groups of interchangeable words or phrases
 * (e.g. [["premium", "gold", "vip"]]), used like the built-in table, only with `nlp`.
 */
export const matchKeywordOptionsSchema = z.strictObject({
  nlp: z.boolean(),
  synonyms: z.array(z.array(z.string().min(1).max(100)).min(2).max(50)).max(100).optional(),
});
export type MatchKeywordOptions = z.infer<typeof matchKeywordOptionsSchema>;
