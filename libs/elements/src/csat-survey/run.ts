import { z } from 'zod';
import type { AttributeType } from '../attribute-declaration-schema';
import type { AttributeRef } from '../attribute-ref-schema';
import type { AttributeValues } from '../attribute-values-schema';
import { attributeTypesCompatible } from '../attributes/attribute-types-compatible';
import type { CsatRecordCall } from '../calls/csat-record-call';
import type { ElementContext } from '../element-definition';
import type { ElementEffect, SendEffect } from '../element-effect-schema';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { placeholderRefs } from '../placeholder-refs';
import { renderTemplate } from '../render-template';
import type { ResumeEvent } from '../resume-event-schema';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import { csatAnswerLabels, csatSatisfied, parseCsatScore } from './parse-csat-score';
import { csatTimeoutSeconds, type CsatSurvey } from './schema';

/**
 * What the survey waits for, kept in the wait's state:
 * - score: the scoring question was asked; `repeats` repeats of it are used up;
 * - feedback: a valid score was given and the feedback question asked.
 */
const csatWaitStateSchema = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('score'), repeats: z.number().int().min(0) }),
  z.object({ stage: z.literal('feedback'), score: z.number().int(), satisfied: z.boolean() }),
]);
type CsatWaitState = z.infer<typeof csatWaitStateSchema>;

/** Asks the scoring question (with one quick reply per score) and waits up to 5 minutes. */
export function runCsatSurvey(element: CsatSurvey, context: ElementContext): ElementOutcome {
  return askScore(element, context, 0, {});
}

/**
 * Resumes the survey:
 * - score stage, valid score: saves score and satisfied, then asks the feedback question
 *   (if any) and waits again, or finishes;
 * - score stage, invalid answer: repeats the question while repeats are left, else sends
 *   the fallback message, records a 'csat.no-valid-answer' analytics event and leaves
 *   through 'next' without a score;
 * - score stage, timeout: records 'csat.timeout' and leaves through 'next' (no message);
 * - feedback stage: any reply is the feedback (saved), then finishes; on timeout finishes
 *   without feedback and without the thank-you message (nobody is reading).
 * Finishing = thank-you message (if any, and not after a timeout), the `csat.record` call,
 * 'next'.
 */
export function resumeCsatSurvey(element: CsatSurvey, waitFor: WaitFor, event: ResumeEvent, context: ElementContext): ElementOutcome {
  const parsed = csatWaitStateSchema.safeParse(waitFor.state);
  const state: CsatWaitState = parsed.success ? parsed.data : { stage: 'score', repeats: 0 };
  if (state.stage === 'feedback') {
    if (event.type === 'user.message') {
      const attributes: AttributeValues = element.saveFeedbackAs === undefined ? {} : { [element.saveFeedbackAs]: event.text };
      return finish(element, context, state.score, state.satisfied, event.text, true, attributes);
    }
    return finish(element, context, state.score, state.satisfied, undefined, false, {});
  }

  if (event.type !== 'user.message') {
    return { kind: 'continue', port: 'next', effects: [analytics('csat.timeout', element)], attributes: {} };
  }
  const score = parseCsatScore(element.scale, event.text);
  if (score === null) {
    if (state.repeats < element.repeat) return askScore(element, context, state.repeats + 1, {});
    return {
      kind: 'continue',
      port: 'next',
      effects: [send(element.fallbackMessage, context), analytics('csat.no-valid-answer', element)],
      attributes: {},
    };
  }
  const satisfied = csatSatisfied(element.scale, score);
  const attributes: AttributeValues = {};
  if (element.saveScoreAs !== undefined) attributes[element.saveScoreAs] = score;
  if (element.saveSatisfiedAs !== undefined) attributes[element.saveSatisfiedAs] = satisfied;
  if (element.feedbackQuestion !== undefined) {
    return {
      kind: 'wait',
      waitFor: { kind: 'user.message', timeoutSeconds: csatTimeoutSeconds, state: { stage: 'feedback', score, satisfied } },
      effects: [send(element.feedbackQuestion, context)],
      attributes,
    };
  }
  return finish(element, context, score, satisfied, undefined, true, attributes);
}

function askScore(element: CsatSurvey, context: ElementContext, repeats: number, attributes: AttributeValues): ElementOutcome {
  const question: SendEffect = {
    type: 'send',
    text: renderTemplate(element.question, context.attributes),
    buttons: csatAnswerLabels(element.scale).map((label) => ({ label })),
  };
  return {
    kind: 'wait',
    waitFor: { kind: 'user.message', timeoutSeconds: csatTimeoutSeconds, state: { stage: 'score', repeats } },
    effects: [question],
    attributes,
  };
}

function finish(
  element: CsatSurvey,
  context: ElementContext,
  score: number,
  satisfied: boolean,
  feedback: string | undefined,
  thank: boolean,
  attributes: AttributeValues,
): ElementOutcome {
  const record: CsatRecordCall = { name: 'csat.record', scale: element.scale, score, satisfied };
  if (feedback !== undefined) record.feedback = feedback;
  const effects: ElementEffect[] = [];
  if (thank && element.thankYouMessage !== undefined) effects.push(send(element.thankYouMessage, context));
  effects.push({ type: 'call', call: record });
  return { kind: 'continue', port: 'next', effects, attributes };
}

function send(template: string, context: ElementContext): SendEffect {
  return { type: 'send', text: renderTemplate(template, context.attributes) };
}

function analytics(type: 'csat.timeout' | 'csat.no-valid-answer', element: CsatSurvey): ElementEffect {
  return { type: 'call', call: { name: 'analytics.event', type, payload: { scale: element.scale } } };
}

/** Placeholders of the four messages; the three result attributes as writes. */
export function csatSurveyAttributeRefs(element: CsatSurvey): AttributeRef[] {
  const refs: AttributeRef[] = [
    ...placeholderRefs(element.question, ['question']),
    ...placeholderRefs(element.fallbackMessage, ['fallbackMessage']),
    ...(element.feedbackQuestion === undefined ? [] : placeholderRefs(element.feedbackQuestion, ['feedbackQuestion'])),
    ...(element.thankYouMessage === undefined ? [] : placeholderRefs(element.thankYouMessage, ['thankYouMessage'])),
  ];
  for (const field of resultFields) {
    const name = element[field.key];
    if (name !== undefined) refs.push({ name, access: 'write', path: [field.key], valuePath: [], via: 'field' });
  }
  return refs;
}

const resultFields: readonly { key: 'saveScoreAs' | 'saveSatisfiedAs' | 'saveFeedbackAs'; valueType: AttributeType; what: string }[] = [
  { key: 'saveScoreAs', valueType: 'number', what: 'the score (a number)' },
  { key: 'saveSatisfiedAs', valueType: 'boolean', what: 'satisfied (true/false)' },
  { key: 'saveFeedbackAs', valueType: 'text', what: 'the feedback (text)' },
];

/**
 * Each result attribute can hold its value (score: number, satisfied: boolean, feedback:
 * text; see attributeTypesCompatible), is used for one result only, and saveFeedbackAs
 * needs a feedback question.
 */
export function validateCsatSurvey(element: CsatSurvey, context: ValidationContext): ElementIssue[] {
  const issues: ElementIssue[] = [];
  const seen = new Map<string, string>();
  for (const field of resultFields) {
    const name = element[field.key];
    if (name === undefined) continue;
    const declaration = lookupDeclaration(context.declarations, name);
    if (declaration !== undefined && !attributeTypesCompatible(field.valueType, declaration.type)) {
      issues.push({ field: field.key, rule: 'type-mismatch', message: `"${name}" is a ${declaration.type} attribute; it cannot hold ${field.what}.` });
    }
    const other = seen.get(name);
    if (other !== undefined) {
      issues.push({ field: field.key, rule: 'duplicate-attribute', message: `"${name}" already receives ${other}; use one attribute per result.` });
    }
    seen.set(name, field.what);
  }
  if (element.saveFeedbackAs !== undefined && element.feedbackQuestion === undefined) {
    issues.push({ field: 'saveFeedbackAs', rule: 'no-feedback-question', message: 'There is no feedback question, so no feedback is saved.', severity: 'warning' });
  }
  return issues;
}
