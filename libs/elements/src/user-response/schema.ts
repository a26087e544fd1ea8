import { z } from 'zod';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { elementBaseSchema } from '../element-base-schema';
import { fallbackSchema } from '../fallback/fallback-schema';
import { messageVariantsSchema } from '../send-message/message-variants-schema';

/** Limits of the keyword list (the spec sets none; these keep matching cheap and the form usable). */
export const maxKeywords = 50;
export const maxKeywordLength = 100;
/** Synonyms a keyword may list (the author's), and that publishing may add to it (WordNet). */
export const maxKeywordSynonyms = 20;
export const maxExpandedSynonyms = 12;

const synonymSchema = z
  .string()
  .min(1)
  .max(maxKeywordLength)
  .refine((text) => text.trim() !== '', 'a synonym must not be blank');

/** Max repeats of the question after an invalid reply (spec: "Maximum is 3 times"). */
export const maxRepeats = 3;

/** Reply timeout range in seconds (spec: 15 s to 14400 s = 240 minutes). */
export const minTimeoutSeconds = 15;
export const maxTimeoutSeconds = 14_400;

/**
 * Id of a keyword: 1–48 letters, digits, "_" or "-". Ids name output ports
 * (`keyword:<id>`), so reordering or editing keywords keeps the canvas edges; 48 keeps the
 * port name within the 64 characters of a port id.
 */
export const keywordIdSchema = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "_" and "-" only')
  .meta({ description: 'Stable keyword id (1–48 letters, digits, "_" or "-"); names the output port "keyword:<id>".', editor: 'hidden' });

/** Output port of keyword `id`. */
export function keywordPort(id: string): string {
  return `keyword:${id}`;
}

export const userResponseKeywordSchema = z.strictObject({
  id: keywordIdSchema,
  text: z
    .string()
    .min(1, { abort: true })
    .max(maxKeywordLength)
    .refine((text) => text.trim() !== '', 'a keyword must not be blank')
    .meta({ description: `Keyword or phrase the reply must match, 1–${maxKeywordLength} characters.`, title: 'Keyword' }),
  synonyms: z
    .array(synonymSchema)
    .max(maxKeywordSynonyms)
    .optional()
    .meta({
      description: `Other words or phrases meaning this keyword (at most ${maxKeywordSynonyms}, each 1–${maxKeywordLength} characters), matched like the keyword itself when NLP is on.`,
      title: 'Synonyms',
      itemTitle: 'Synonym',
    }),
  expandedSynonyms: z
    .array(synonymSchema)
    .max(maxExpandedSynonyms)
    .optional()
    .meta({
      description: `English synonyms added when the bot is published (WordNet, the keyword's most frequent sense; at most ${maxExpandedSynonyms}); matched when NLP is on. Set by Parley, not edited.`,
      title: 'Synonyms added at publish',
      editor: 'hidden',
    }),
});
export type UserResponseKeyword = z.infer<typeof userResponseKeywordSchema>;

/** Keywords in evaluation order: ids unique, texts distinct ignoring case and outer spaces. */
export const userResponseKeywordsSchema = z
  .array(userResponseKeywordSchema)
  .max(maxKeywords)
  .superRefine((keywords, context) => {
    const ids = new Set<string>();
    const texts = new Map<string, number>();
    keywords.forEach((keyword, index) => {
      if (ids.has(keyword.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `the keyword id "${keyword.id}" is used twice` });
      ids.add(keyword.id);
      const text = keyword.text.trim().toLowerCase();
      const first = texts.get(text);
      if (first !== undefined) {
        context.addIssue({ code: 'custom', path: [index, 'text'], message: `"${keyword.text}" repeats keyword ${first + 1}` });
      } else {
        texts.set(text, index);
      }
    });
  });

/** Repeat count: 0 (default, no repeat) to 3. */
export const repeatSchema = z
  .number()
  .int()
  .min(0)
  .max(maxRepeats)
  .meta({
    description: `Times to ask again after an invalid reply, 0–${maxRepeats} (default 0); then the fallback applies.`,
    title: 'Repeat message',
    optionLabels: { '0': 'No repeat', '1': '1 time', '2': '2 times', '3': '3 times' },
  });

/** Reply timeout in whole seconds, 15–14400. */
export const replyTimeoutSchema = z
  .number()
  .int()
  .min(minTimeoutSeconds)
  .max(maxTimeoutSeconds)
  .meta({
    description: `Seconds to wait for a reply (${minTimeoutSeconds}–${maxTimeoutSeconds}); without one in time the fallback applies.`,
    title: 'Timeout (seconds)',
  });

/**
 * User response: waits for the user's reply. With keywords, the reply must match one
 * (in order; NLP optional) and leaves through that keyword's port; without, any reply
 * leaves through 'next'. An invalid reply re-asks `repeat` times, then the fallback
 * applies; so does the timeout.
 */
export const userResponseSchema = elementBaseSchema
  .extend({
    type: z.literal('user-response'),
    keywords: userResponseKeywordsSchema
      .optional()
      .meta({
        description: `Valid replies, evaluated in order (at most ${maxKeywords}). Each keyword has its own output port "keyword:<id>". Without keywords any reply is valid and leaves through "next".`,
        title: 'Keywords',
        editor: 'keywords',
        itemTitle: 'Keyword',
      }),
    nlp: z
      .boolean()
      .optional()
      .meta({
        description: 'Natural language processing: also accept replies similar in meaning (stems, synonyms, typos). Default false.',
        title: 'Natural language processing (NLP)',
      }),
    saveAs: attributeNameSchema
      .optional()
      .meta({
        description:
          "Declared attribute that receives the reply's text, coerced to its type (if the text does not fit, the matched keyword's text; if neither fits, the reply is invalid).",
        title: 'Save answer as',
        editor: 'attribute',
        attributeAccess: 'write',
      }),
    repeat: repeatSchema.optional(),
    repeatMessage: messageVariantsSchema
      .optional()
      .meta({ description: 'Sent when a reply is invalid and a repeat is left (without it the element waits again silently).', title: 'Message when repeating' }),
    fallback: fallbackSchema
      .optional()
      .meta({ description: "What to do when the repeats are exhausted or the timeout passes; the bot's default fallback when absent." }),
    timeoutSeconds: replyTimeoutSchema.optional(),
  })
  .meta({ title: 'User response' });
export type UserResponse = z.infer<typeof userResponseSchema>;
