import { z } from 'zod';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { csatScaleSchema } from '../calls/csat-record-call';
import { elementBaseSchema } from '../element-base-schema';
import { messageTextSchema } from '../message-text-schema';

/** The survey's fixed reply window (spec: it times out after 5 minutes), per question. */
export const csatTimeoutSeconds = 300;

/**
 * CSAT survey: asks the end user to rate the conversation on `scale`, repeats the
 * question after an invalid answer (up to `repeat` times), optionally asks a feedback
 * question and thanks them, saves the results to attributes and records them for
 * analytics. Each question times out after 5 minutes (fixed). Always leaves through
 * 'next' (answered, no valid answer, or timed out); works in the Session Expire dialog.
 */
export const csatSurveySchema = elementBaseSchema
  .extend({
    type: z.literal('csat-survey'),
    scale: csatScaleSchema.meta({
      description:
        'Rating scale: "1-2" (1 negative, 2 positive), "1-5" (1–3 not satisfied, 4–5 satisfied), "1-10" (1–6 not satisfied, 7–10 satisfied) or "emoji" (positive, neutral, negative).',
      title: 'Scoring scale',
      optionLabels: { '1-2': '1–2 scale', '1-5': '1–5 scale', '1-10': '1–10 scale', emoji: 'Emoji scale' },
    }),
    question: messageTextSchema.meta({
      description: 'The scoring question, 1–4096 characters; placeholders allowed. Sent with one quick reply per score.',
      title: 'Scoring question message',
    }),
    repeat: z
      .number()
      .int()
      .min(1)
      .max(3)
      .default(1)
      .meta({ description: 'How many times to repeat the question after an invalid answer: 1–3, default 1.', title: 'Repeat count' }),
    fallbackMessage: messageTextSchema.meta({
      description: 'Sent when no valid score came after all repeats, 1–4096 characters; placeholders allowed.',
      title: 'Fallback message',
    }),
    feedbackQuestion: messageTextSchema
      .optional()
      .meta({ description: 'Optional open question asked after a valid score, e.g. "What could we have done better?".', title: 'Feedback question' }),
    thankYouMessage: messageTextSchema
      .optional()
      .meta({ description: 'Optional message sent after the survey is submitted.', title: 'Thank you message' }),
    saveScoreAs: attributeNameSchema
      .optional()
      .meta({
        description: 'Number attribute for the score (emoji: 1 negative, 2 neutral, 3 positive).',
        title: 'Save score as',
        editor: 'attribute',
        attributeAccess: 'write',
        attributeTypes: ['number'],
      }),
    saveSatisfiedAs: attributeNameSchema
      .optional()
      .meta({
        description: "Boolean attribute: true when the score is in the scale's satisfied band.",
        title: 'Save satisfied as',
        editor: 'attribute',
        attributeAccess: 'write',
        attributeTypes: ['boolean'],
      }),
    saveFeedbackAs: attributeNameSchema
      .optional()
      .meta({
        description: 'Text attribute for the answer to the feedback question.',
        title: 'Save feedback as',
        editor: 'attribute',
        attributeAccess: 'write',
        attributeTypes: ['text'],
      }),
  })
  .meta({ title: 'CSAT survey' });
export type CsatSurvey = z.infer<typeof csatSurveySchema>;
