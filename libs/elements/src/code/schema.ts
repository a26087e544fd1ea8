import { z } from 'zod';
import { elementBaseSchema } from '../element-base-schema';
import { fallbackSchema } from '../fallback/fallback-schema';

/** Longest Code element script, in characters. */
export const maxCodeLength = 20_000;

/**
 * Code: runs JavaScript in a sandbox (a `code.run` call) with `attributeApi.get/set` and
 * `encryptionUtils`; attributes it sets are saved (declared, writable ones only) and the
 * flow continues through 'next'. A failure (exception, timeout, memory limit) takes the
 * fallback.
 */
export const codeSchema = elementBaseSchema
  .extend({
    type: z.literal('code'),
    code: z
      .string()
      .min(1)
      .max(maxCodeLength)
      .meta({ description: `JavaScript (1–${maxCodeLength} characters) using attributeApi.get/set and encryptionUtils.`, title: 'Code', editor: 'code' }),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(5_000)
      .default(1_000)
      .meta({ description: 'Longest run time in ms: 100–5000, default 1000. Over it: fallback.', title: 'Timeout (ms)' }),
    memoryMb: z
      .number()
      .int()
      .min(8)
      .max(64)
      .default(32)
      .meta({ description: 'Memory limit of the sandbox in MiB: 8–64, default 32. Over it: fallback.', title: 'Memory limit (MiB)' }),
    fallback: fallbackSchema
      .optional()
      .meta({ description: "What to do when the code fails; the bot's default fallback when omitted." }),
  })
  .meta({ title: 'Code' });
export type Code = z.infer<typeof codeSchema>;
