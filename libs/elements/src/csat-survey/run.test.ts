import { describe, expect, it } from 'vitest';
import type { AttributeDeclaration } from '../attribute-declaration-schema';
import { callSchema } from '../calls/call-schema';
import { elementOutcomeSchema, type ElementOutcome } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import { csatSurveyElement } from './index';
import { csatSurveyAttributeRefs, resumeCsatSurvey, runCsatSurvey, validateCsatSurvey } from './run';
import { csatSurveySchema, type CsatSurvey } from './schema';

const survey: CsatSurvey = csatSurveySchema.parse({
  id: 'csat',
  type: 'csat-survey',
  scale: '1-5',
  question: 'How would you rate us, {{name}}?',
  fallbackMessage: 'No worries, thanks anyway.',
});
const context = testContext({ attributes: { name: 'Ana' } });
const say = (text: string): ResumeEvent => ({ type: 'user.message', text });
const timeout: ResumeEvent = { type: 'timeout' };

/** Feeds `events` through the survey; returns every outcome, checking each parses. */
function converse(element: CsatSurvey, events: ResumeEvent[]): ElementOutcome[] {
  const outcomes = [runCsatSurvey(element, context)];
  for (const event of events) {
    const last = outcomes[outcomes.length - 1];
    if (last?.kind !== 'wait') throw new Error('the survey is not waiting');
    outcomes.push(resumeCsatSurvey(element, last.waitFor, event, context));
  }
  for (const outcome of outcomes) {
    expect(elementOutcomeSchema.safeParse(outcome).error).toBeUndefined();
    for (const effect of outcome.effects) if (effect.type === 'call') expect(callSchema.safeParse(effect.call).error).toBeUndefined();
  }
  return outcomes;
}

describe('csat-survey run', () => {
  it('asks the question with one quick reply per score and waits 5 minutes', () => {
    expect(runCsatSurvey(survey, context)).toEqual({
      kind: 'wait',
      waitFor: { kind: 'user.message', timeoutSeconds: 300, state: { stage: 'score', repeats: 0 } },
      effects: [{ type: 'send', text: 'How would you rate us, Ana?', buttons: ['1', '2', '3', '4', '5'].map((label) => ({ label })) }],
      attributes: {},
    });
  });

  it('records a valid score, saves score and satisfied, thanks and continues', () => {
    const element = { ...survey, thankYouMessage: 'Thanks {{name}}!', saveScoreAs: 'score', saveSatisfiedAs: 'happy' };
    const [, done] = converse(element, [say('4')]);
    expect(done).toEqual({
      kind: 'continue',
      port: 'next',
      effects: [
        { type: 'send', text: 'Thanks Ana!' },
        { type: 'call', call: { name: 'csat.record', scale: '1-5', score: 4, satisfied: true } },
      ],
      attributes: { score: 4, happy: true },
    });
  });

  it.each([
    ['1-2', '1', 1, false],
    ['1-2', '2', 2, true],
    ['1-5', '3', 3, false],
    ['1-10', '6', 6, false],
    ['1-10', '7', 7, true],
    ['emoji', '😐', 2, false],
    ['emoji', 'positive', 3, true],
  ] as const)('scale %s: "%s" scores %i (satisfied %s)', (scale, text, score, satisfied) => {
    const [, done] = converse({ ...survey, scale }, [say(text)]);
    expect(done?.effects).toEqual([{ type: 'call', call: { name: 'csat.record', scale, score, satisfied } }]);
  });

  it('repeats the question after an invalid answer, then sends the fallback and continues without a score', () => {
    const outcomes = converse({ ...survey, saveScoreAs: 'score' }, [say('great'), say('11')]);
    expect(outcomes[1]).toMatchObject({ kind: 'wait', waitFor: { state: { stage: 'score', repeats: 1 } } });
    expect(outcomes[1]?.effects[0]).toMatchObject({ type: 'send', text: 'How would you rate us, Ana?' });
    expect(outcomes[2]).toEqual({
      kind: 'continue',
      port: 'next',
      effects: [
        { type: 'send', text: 'No worries, thanks anyway.' },
        { type: 'call', call: { name: 'analytics.event', type: 'csat.no-valid-answer', payload: { scale: '1-5' } } },
      ],
      attributes: {},
    });
  });

  it('repeats up to `repeat` times (3), and a valid answer on the last repeat still counts', () => {
    const element = { ...survey, repeat: 3 };
    const outcomes = converse(element, [say('x'), say('x'), say('x'), say('5')]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['wait', 'wait', 'wait', 'wait', 'continue']);
    expect(outcomes[4]?.effects).toEqual([{ type: 'call', call: { name: 'csat.record', scale: '1-5', score: 5, satisfied: true } }]);
    const exhausted = converse(element, [say('x'), say('x'), say('x'), say('x')]);
    expect(exhausted[4]?.effects[0]).toEqual({ type: 'send', text: 'No worries, thanks anyway.' });
  });

  it('on timeout continues without a score and records a timeout event (no message)', () => {
    const [, timedOut] = converse({ ...survey, thankYouMessage: 'Thanks!' }, [timeout]);
    expect(timedOut).toEqual({
      kind: 'continue',
      port: 'next',
      effects: [{ type: 'call', call: { name: 'analytics.event', type: 'csat.timeout', payload: { scale: '1-5' } } }],
      attributes: {},
    });
  });

  it('asks the feedback question after a valid score, saves the answer and records it', () => {
    const element = { ...survey, feedbackQuestion: 'What could we do better?', thankYouMessage: 'Thank you!', saveScoreAs: 'score', saveFeedbackAs: 'feedback' };
    const [, asked, done] = converse(element, [say('2'), say('Faster replies')]);
    expect(asked).toEqual({
      kind: 'wait',
      waitFor: { kind: 'user.message', timeoutSeconds: 300, state: { stage: 'feedback', score: 2, satisfied: false } },
      effects: [{ type: 'send', text: 'What could we do better?' }],
      attributes: { score: 2 },
    });
    expect(done).toEqual({
      kind: 'continue',
      port: 'next',
      effects: [
        { type: 'send', text: 'Thank you!' },
        { type: 'call', call: { name: 'csat.record', scale: '1-5', score: 2, satisfied: false, feedback: 'Faster replies' } },
      ],
      attributes: { feedback: 'Faster replies' },
    });
  });

  it('records the score without feedback (and without thanks) when the feedback question times out', () => {
    const element = { ...survey, feedbackQuestion: 'Why?', thankYouMessage: 'Thank you!' };
    const [, , done] = converse(element, [say('5'), timeout]);
    expect(done).toEqual({
      kind: 'continue',
      port: 'next',
      effects: [{ type: 'call', call: { name: 'csat.record', scale: '1-5', score: 5, satisfied: true } }],
      attributes: {},
    });
  });

  it('treats a missing or malformed wait state as the first question', () => {
    const waitFor: WaitFor = { kind: 'user.message', timeoutSeconds: 300, state: { stage: 'nonsense' } };
    expect(resumeCsatSurvey(survey, waitFor, say('x'), context)).toMatchObject({ kind: 'wait', waitFor: { state: { stage: 'score', repeats: 1 } } });
  });
});

describe('csat-survey definition', () => {
  it('has one port and reads placeholders of every message, writing the result attributes', () => {
    expect(csatSurveyElement.ports(survey)).toEqual(['next']);
    const element: CsatSurvey = {
      ...survey,
      fallbackMessage: 'Sorry {{a}}',
      feedbackQuestion: 'Why {{b}}?',
      thankYouMessage: 'Bye {{c.d}}',
      saveScoreAs: 'score',
      saveSatisfiedAs: 'happy',
      saveFeedbackAs: 'feedback',
    };
    expect(csatSurveyAttributeRefs(element)).toEqual([
      { name: 'name', access: 'read', path: ['question'], valuePath: [] },
      { name: 'a', access: 'read', path: ['fallbackMessage'], valuePath: [] },
      { name: 'b', access: 'read', path: ['feedbackQuestion'], valuePath: [] },
      { name: 'c', access: 'read', path: ['thankYouMessage'], valuePath: ['d'] },
      { name: 'score', access: 'write', path: ['saveScoreAs'], valuePath: [], via: 'field' },
      { name: 'happy', access: 'write', path: ['saveSatisfiedAs'], valuePath: [], via: 'field' },
      { name: 'feedback', access: 'write', path: ['saveFeedbackAs'], valuePath: [], via: 'field' },
    ]);
  });

  it('checks result attribute types, one result per attribute, and feedback without a question', () => {
    const declarations: Record<string, AttributeDeclaration> = {
      score: { name: 'score', type: 'number', scope: 'session' },
      scoreText: { name: 'scoreText', type: 'text', scope: 'session' },
      flag: { name: 'flag', type: 'boolean', scope: 'session' },
      when: { name: 'when', type: 'date', scope: 'session' },
    };
    const validation: ValidationContext = { declarations, dialogs: [], components: [], isInbound: () => false, scope: { kind: 'bot' } };
    expect(validateCsatSurvey({ ...survey, saveScoreAs: 'score', saveSatisfiedAs: 'flag', feedbackQuestion: 'Why?', saveFeedbackAs: 'scoreText' }, validation)).toEqual([]);
    expect(validateCsatSurvey({ ...survey, saveScoreAs: 'scoreText', saveSatisfiedAs: 'scoreText' }, validation).map((issue) => issue.rule)).toEqual([
      'duplicate-attribute',
    ]);
    expect(validateCsatSurvey({ ...survey, saveScoreAs: 'flag', saveSatisfiedAs: 'when', saveFeedbackAs: 'score' }, validation)).toEqual([
      expect.objectContaining({ field: 'saveScoreAs', rule: 'type-mismatch' }),
      expect.objectContaining({ field: 'saveSatisfiedAs', rule: 'type-mismatch' }),
      expect.objectContaining({ field: 'saveFeedbackAs', rule: 'type-mismatch' }),
      expect.objectContaining({ field: 'saveFeedbackAs', rule: 'no-feedback-question', severity: 'warning' }),
    ]);
  });
});

describe('csat-survey schema', () => {
  const ok = (patch: Record<string, unknown>): boolean => csatSurveySchema.safeParse({ ...survey, ...patch }).success;

  it('takes the four scales, repeat 1–3 (default 1) and every message within 1–4096 characters', () => {
    for (const scale of ['1-2', '1-5', '1-10', 'emoji']) expect(ok({ scale })).toBe(true);
    expect(ok({ scale: '0-10' })).toBe(false);
    expect(survey.repeat).toBe(1);
    expect(ok({ repeat: 3 })).toBe(true);
    expect(ok({ repeat: 0 })).toBe(false);
    expect(ok({ repeat: 4 })).toBe(false);
    expect(ok({ repeat: 1.5 })).toBe(false);
    for (const field of ['question', 'fallbackMessage', 'feedbackQuestion', 'thankYouMessage']) {
      expect(ok({ [field]: 'x'.repeat(4096) })).toBe(true);
      expect(ok({ [field]: 'x'.repeat(4097) })).toBe(false);
      expect(ok({ [field]: '' })).toBe(false);
    }
    expect(csatSurveySchema.safeParse({ id: 'c', type: 'csat-survey', scale: '1-5', question: 'Q?' }).success).toBe(false);
    expect(ok({ saveScoreAs: 'not valid' })).toBe(false);
    expect(ok({ timeoutSeconds: 60 })).toBe(false);
  });
});
