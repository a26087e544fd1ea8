import { z } from 'zod';
import { checkRegexPattern, maxRegexPatternLength } from './check-regex-pattern';

/**
 * Save user response custom validation: a regular expression, or a predefined format.
 * The regex variant is checked with checkRegexPattern, so a flow holding an invalid or
 * backtracking-prone pattern fails schema validation with the reason at `pattern`.
 */
export const validationRuleSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('regex'),
      pattern: z
        .string()
        .min(1)
        .max(maxRegexPatternLength)
        .meta({ description: 'JavaScript regular expression the trimmed reply must match (add ^ and $ to match it whole).', title: 'Regular expression' }),
      flags: z.string().max(4).optional().meta({ description: 'Any of i, m, s, u.', title: 'Flags' }),
    })
    .superRefine((rule, context) => {
      const problem = checkRegexPattern(rule.pattern, rule.flags);
      if (problem !== null) context.addIssue({ code: 'custom', path: ['pattern'], message: problem });
    })
    .meta({ title: 'Regular expression' }),
  z.strictObject({ type: z.literal('email') }).meta({ title: 'Email address' }),
  z.strictObject({ type: z.literal('phone') }).meta({ title: 'Phone number' }),
  z.strictObject({ type: z.literal('url') }).meta({ title: 'URL' }),
]);
export type ValidationRule = z.infer<typeof validationRuleSchema>;
