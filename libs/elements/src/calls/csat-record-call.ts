import { z } from 'zod';

/** CSAT scales (the CSAT survey element's `scale`). */
export const csatScaleSchema = z.enum(['1-2', '1-5', '1-10', 'emoji']);
export type CsatScale = z.infer<typeof csatScaleSchema>;

/** Highest score of each scale; every scale starts at 1. Emoji: 1 negative, 2 neutral, 3 positive. */
export const csatScaleMax: Readonly<Record<CsatScale, number>> = { '1-2': 2, '1-5': 5, '1-10': 10, emoji: 3 };

/**
 * `csat.record`: one answered CSAT survey, for Chatbots analytics. The runner stores a
 * CsatResponse and a 'csat.answered' analytics event. `score` is within the scale
 * (1..csatScaleMax[scale]); `satisfied` follows the spec's bands (see csatSatisfied);
 * `feedback` is the answer to the feedback question, when one was asked and answered.
 * Fire-and-forget. (Unanswered surveys are 'analytics.event' calls: 'csat.timeout',
 * 'csat.no-valid-answer'.)
 */
export const csatRecordCallSchema = z
  .object({
    name: z.literal('csat.record'),
    scale: csatScaleSchema,
    score: z.number().int().min(1).max(10),
    satisfied: z.boolean(),
    feedback: z.string().optional(),
  })
  .check((context) => {
    const { scale, score } = context.value;
    if (score > csatScaleMax[scale]) {
      context.issues.push({ code: 'custom', message: `score ${score} is outside the ${scale} scale`, input: score, path: ['score'] });
    }
  });
export type CsatRecordCall = z.infer<typeof csatRecordCallSchema>;
