import { describe, expect, it } from 'vitest';
import type { AttributeDeclaration, AttributeType } from '../attribute-declaration-schema';
import type { ElementContext } from '../element-definition';
import { elementOutcomeSchema, type ElementOutcome } from '../element-outcome-schema';
import type { Fallback } from '../fallback/fallback-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import { userResponseElement } from './index';
import { replyAttempt } from './repeat-or-fallback';
import { resumeUserResponse, runUserResponse, userResponseAttributeRefs, userResponsePorts, validateUserResponse } from './run';
import { userResponseSchema, type UserResponse } from './schema';

function declare(types: Record<string, AttributeType>): Record<string, AttributeDeclaration> {
  return Object.fromEntries(Object.entries(types).map(([name, type]) => [name, { name, type, scope: 'session' }]));
}

const context: ElementContext = testContext({ declarations: declare({ answer: 'text', count: 'number', agreed: 'boolean' }) });
const element: UserResponse = { id: 'ask', type: 'user-response', saveAs: 'answer' };
const yesNo: UserResponse = {
  id: 'ask',
  type: 'user-response',
  keywords: [
    { id: 'yes', text: 'Yes' },
    { id: 'no', text: 'No' },
    { id: 'agent', text: 'talk to an agent' },
  ],
  saveAs: 'answer',
};
const firstWait: WaitFor = { kind: 'user.message' };

function reply(config: UserResponse, text: string, waitFor: WaitFor = firstWait, ctx: ElementContext = context): ElementOutcome {
  const outcome = resumeUserResponse(config, waitFor, { type: 'user.message', text }, ctx);
  expect(elementOutcomeSchema.safeParse(outcome).error).toBeUndefined();
  return outcome;
}

function portOf(outcome: ElementOutcome): string | undefined {
  return outcome.kind === 'continue' ? outcome.port : undefined;
}

describe('user-response run', () => {
  it('waits for a user message, sending nothing, with the timeout when one is set', () => {
    expect(runUserResponse(element, context)).toEqual({ kind: 'wait', waitFor: { kind: 'user.message' }, effects: [], attributes: {} });
    const timed = runUserResponse({ ...element, timeoutSeconds: 60 }, context);
    expect(timed).toEqual({ kind: 'wait', waitFor: { kind: 'user.message', timeoutSeconds: 60 }, effects: [], attributes: {} });
    expect(elementOutcomeSchema.safeParse(timed).success).toBe(true);
  });
});

describe('user-response without keywords', () => {
  it('accepts any reply, saves its text to saveAs and continues through next', () => {
    expect(reply(element, 'Ana')).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: { answer: 'Ana' } });
    expect(reply(element, '')).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: { answer: '' } });
  });

  it('saves nothing without saveAs', () => {
    expect(reply({ id: 'ask', type: 'user-response' }, 'x').attributes).toEqual({});
  });

  it('coerces the reply to the declared type of saveAs', () => {
    expect(reply({ ...element, saveAs: 'count' }, ' 1,500 ').attributes).toEqual({ count: 1500 });
    expect(reply({ ...element, saveAs: 'agreed' }, 'Yes').attributes).toEqual({ agreed: true });
  });

  it('keeps the text for an undeclared saveAs (an invalid flow)', () => {
    expect(reply({ ...element, saveAs: 'loose' }, 'x').attributes).toEqual({ loose: 'x' });
  });

  it('treats a reply that does not fit the type as invalid (repeat, then fallback)', () => {
    const outcome = reply({ ...element, saveAs: 'count', repeat: 1, repeatMessage: { text: 'A number, please.' } }, 'many');
    expect(outcome).toEqual({ kind: 'wait', waitFor: { kind: 'user.message', state: { attempt: 1 } }, effects: [{ type: 'send', text: 'A number, please.' }], attributes: {} });
    expect(reply({ ...element, saveAs: 'count' }, 'many')).toEqual({ kind: 'fallback', effects: [], attributes: {} });
  });
});

describe('user-response with keywords', () => {
  it('leaves through the port of the matched keyword, saving the reply text', () => {
    expect(reply(yesNo, 'yes')).toEqual({ kind: 'continue', port: 'keyword:yes', effects: [], attributes: { answer: 'yes' } });
    expect(portOf(reply(yesNo, '  NO  '))).toBe('keyword:no');
    expect(portOf(reply(yesNo, 'Yes please!'))).toBe('keyword:yes');
  });

  it('needs a close match without NLP', () => {
    expect(reply(yesNo, 'yeah').kind).toBe('fallback');
    expect(reply(yesNo, 'I want a human').kind).toBe('fallback');
    expect(reply(yesNo, 'yess').kind).toBe('fallback');
  });

  it('with NLP also matches synonyms, typos and paraphrases', () => {
    const nlp: UserResponse = { ...yesNo, nlp: true };
    expect(portOf(reply(nlp, 'yeah sure'))).toBe('keyword:yes');
    expect(portOf(reply(nlp, 'yess'))).toBe('keyword:yes');
    expect(portOf(reply(nlp, 'nope'))).toBe('keyword:no');
    expect(portOf(reply(nlp, 'I want to speak to a human'))).toBe('keyword:agent');
    expect(reply(nlp, 'what is the weather').kind).toBe('fallback');
  });

  it('evaluates keywords in order: an exact later keyword beats an earlier fuzzy one', () => {
    const ordered: UserResponse = { id: 'ask', type: 'user-response', nlp: true, keywords: [{ id: 'order', text: 'order' }, { id: 'older', text: 'older' }] };
    expect(portOf(reply(ordered, 'older'))).toBe('keyword:older');
    const same: UserResponse = { id: 'ask', type: 'user-response', keywords: [{ id: 'first', text: 'help' }, { id: 'second', text: 'help me' }] };
    expect(portOf(reply(same, 'help'))).toBe('keyword:first');
    expect(portOf(reply(same, 'help me'))).toBe('keyword:second');
  });

  it('saves the matched keyword when the reply text does not fit the type', () => {
    const agreed: UserResponse = { ...yesNo, nlp: true, saveAs: 'agreed' };
    expect(reply(agreed, 'yeah sure')).toEqual({ kind: 'continue', port: 'keyword:yes', effects: [], attributes: { agreed: true } });
    expect(reply(agreed, 'no')).toEqual({ kind: 'continue', port: 'keyword:no', effects: [], attributes: { agreed: false } });
    // Neither "talk to an agent" nor the reply is a yes/no value: invalid.
    expect(reply(agreed, 'talk to an agent').kind).toBe('fallback');
  });
});

describe('user-response repeat, fallback and timeout', () => {
  const fallback: Fallback = { message: { text: 'Let me get someone.' }, action: { type: 'agent', queue: 'Support' } };
  const repeating: UserResponse = {
    ...yesNo,
    repeat: 2,
    repeatMessage: { text: 'Please answer yes or no, {{name}}.', variations: ['Yes or no, {{name}}?'] },
    fallback,
    timeoutSeconds: 30,
  };

  it('re-asks with the repeat message (a variation at random) while repeats remain, counting in state', () => {
    let draws = 0;
    const ctx = testContext({ attributes: { name: 'Ana' }, random: () => ((draws += 1), 0.9) });
    const first = reply(repeating, 'maybe', firstWait, ctx);
    expect(first).toEqual({
      kind: 'wait',
      waitFor: { kind: 'user.message', timeoutSeconds: 30, state: { attempt: 1 } },
      effects: [{ type: 'send', text: 'Yes or no, Ana?' }],
      attributes: {},
    });
    expect(draws).toBe(1);
    if (first.kind !== 'wait') throw new Error('expected a wait');
    const second = reply(repeating, 'maybe', first.waitFor, testContext({ attributes: { name: 'Ana' } }));
    expect(second).toMatchObject({ kind: 'wait', waitFor: { state: { attempt: 2 } }, effects: [{ type: 'send', text: 'Please answer yes or no, Ana.' }] });
    if (second.kind !== 'wait') throw new Error('expected a wait');
    expect(reply(repeating, 'maybe', second.waitFor)).toEqual({ kind: 'fallback', fallback, effects: [], attributes: {} });
    expect(portOf(reply(repeating, 'yes', second.waitFor))).toBe('keyword:yes');
  });

  it('waits again silently without a repeat message', () => {
    expect(reply({ ...yesNo, repeat: 1 }, 'maybe')).toEqual({ kind: 'wait', waitFor: { kind: 'user.message', state: { attempt: 1 } }, effects: [], attributes: {} });
  });

  it("uses the bot's default fallback when the element has none, and no repeat by default", () => {
    expect(reply(yesNo, 'maybe')).toEqual({ kind: 'fallback', effects: [], attributes: {} });
  });

  it('applies the fallback at once on timeout, even with repeats left', () => {
    expect(resumeUserResponse(repeating, firstWait, { type: 'timeout' }, context)).toEqual({ kind: 'fallback', fallback, effects: [], attributes: {} });
    expect(resumeUserResponse(yesNo, firstWait, { type: 'timeout' }, context)).toEqual({ kind: 'fallback', effects: [], attributes: {} });
  });

  it('reads the repeat count defensively', () => {
    expect(replyAttempt({ kind: 'user.message' })).toBe(0);
    expect(replyAttempt({ kind: 'user.message', state: { attempt: 2 } })).toBe(2);
    expect(replyAttempt({ kind: 'user.message', state: 'garbage' })).toBe(0);
    expect(replyAttempt({ kind: 'user.message', state: { attempt: -1 } })).toBe(0);
  });
});

describe('user-response ports, refs and validate', () => {
  it("has next without keywords, one port per keyword id with them, plus fallback for a 'port' fallback", () => {
    expect(userResponsePorts(element)).toEqual(['next']);
    expect(userResponsePorts({ ...element, timeoutSeconds: 15 })).toEqual(['next']);
    expect(userResponsePorts(yesNo)).toEqual(['keyword:yes', 'keyword:no', 'keyword:agent']);
    expect(userResponseElement.ports({ ...yesNo, fallback: { action: { type: 'port' } } })).toEqual(['keyword:yes', 'keyword:no', 'keyword:agent', 'fallback']);
    expect(userResponsePorts({ ...element, keywords: [] })).toEqual(['next']);
  });

  it('reports saveAs as a field write and the placeholders of the repeat and fallback messages', () => {
    expect(userResponseAttributeRefs(element)).toEqual([{ name: 'answer', access: 'write', path: ['saveAs'], valuePath: [], via: 'field' }]);
    expect(userResponseAttributeRefs({ id: 'ask', type: 'user-response' })).toEqual([]);
    expect(
      userResponseAttributeRefs({
        id: 'ask',
        type: 'user-response',
        repeatMessage: { text: 'Again {{name}}', variations: ['x', '{{order.id}}'] },
        fallback: { message: { text: 'Bye {{name}}' }, action: { type: 'end' } },
      }),
    ).toEqual([
      { name: 'name', access: 'read', path: ['repeatMessage', 'text'], valuePath: [] },
      { name: 'order', access: 'read', path: ['repeatMessage', 'variations', 1], valuePath: ['id'] },
      { name: 'name', access: 'read', path: ['fallback', 'message', 'text'], valuePath: [] },
    ]);
  });

  it("checks the fallback dialog and warns about silent repeats", () => {
    const validation: ValidationContext = { declarations: {}, dialogs: [{ id: 'help', name: 'Help' }], components: [], isInbound: () => false, scope: { kind: 'bot' } };
    expect(validateUserResponse({ ...yesNo, fallback: { action: { type: 'dialog', dialogId: 'help' } } }, validation)).toEqual([]);
    expect(validateUserResponse({ ...yesNo, fallback: { action: { type: 'dialog', dialogId: 'nope' } } }, validation)).toEqual([
      expect.objectContaining({ field: 'fallback.action.dialogId', rule: 'unknown-dialog' }),
    ]);
    expect(validateUserResponse({ ...yesNo, repeat: 1 }, validation)).toEqual([expect.objectContaining({ field: 'repeatMessage', rule: 'silent-repeat', severity: 'warning' })]);
    expect(validateUserResponse({ ...yesNo, repeat: 1, repeatMessage: { text: 'Again?' } }, validation)).toEqual([]);
  });
});

describe('user-response schema', () => {
  const issues = (value: unknown): string[] => {
    const parsed = userResponseSchema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };
  const ok = (value: unknown): boolean => userResponseSchema.safeParse(value).success;
  const keywords = (count: number): { id: string; text: string }[] => Array.from({ length: count }, (_, index) => ({ id: `k${index}`, text: `keyword ${index}` }));

  it('enforces the 15–14400 s timeout range and attribute names', () => {
    expect(ok({ ...element, timeoutSeconds: 15 })).toBe(true);
    expect(ok({ ...element, timeoutSeconds: 14400 })).toBe(true);
    expect(issues({ ...element, timeoutSeconds: 14 })).toEqual([expect.stringMatching(/^timeoutSeconds: Too small/)]);
    expect(issues({ ...element, timeoutSeconds: 14401 })).toEqual([expect.stringMatching(/^timeoutSeconds: Too big/)]);
    expect(ok({ ...element, timeoutSeconds: 20.5 })).toBe(false);
    expect(ok({ ...element, saveAs: 'not valid' })).toBe(false);
    expect(ok({ ...element, saveAs: '__proto__' })).toBe(false);
  });

  it('accepts up to 50 keywords of 1–100 characters', () => {
    expect(ok({ ...element, keywords: keywords(50) })).toBe(true);
    expect(issues({ ...element, keywords: keywords(51) })).toEqual([expect.stringMatching(/^keywords: Too big/)]);
    expect(ok({ ...element, keywords: [{ id: 'k', text: 'x'.repeat(100) }] })).toBe(true);
    expect(issues({ ...element, keywords: [{ id: 'k', text: 'x'.repeat(101) }] })).toEqual([expect.stringMatching(/^keywords\.0\.text: Too big/)]);
    expect(issues({ ...element, keywords: [{ id: 'k', text: '' }] })).toEqual([expect.stringMatching(/^keywords\.0\.text: Too small/)]);
    expect(issues({ ...element, keywords: [{ id: 'k', text: '   ' }] })).toEqual(['keywords.0.text: a keyword must not be blank']);
  });

  it('needs unique, port-safe keyword ids and distinct keyword texts', () => {
    expect(issues({ ...element, keywords: [{ id: 'k', text: 'a' }, { id: 'k', text: 'b' }] })).toEqual(['keywords.1.id: the keyword id "k" is used twice']);
    expect(issues({ ...element, keywords: [{ id: 'a', text: 'Yes' }, { id: 'b', text: ' yes' }] })).toEqual(['keywords.1.text: " yes" repeats keyword 1']);
    expect(ok({ ...element, keywords: [{ id: 'x'.repeat(48), text: 'a' }] })).toBe(true);
    expect(ok({ ...element, keywords: [{ id: 'x'.repeat(49), text: 'a' }] })).toBe(false);
    expect(ok({ ...element, keywords: [{ id: 'a b', text: 'a' }] })).toBe(false);
    expect(ok({ ...element, keywords: ['yes'] })).toBe(false);
  });

  it('accepts repeat 0–3 and a repeat message with up to 10 variations', () => {
    expect(ok({ ...element, repeat: 0 })).toBe(true);
    expect(ok({ ...element, repeat: 3 })).toBe(true);
    expect(issues({ ...element, repeat: 4 })).toEqual([expect.stringMatching(/^repeat: Too big/)]);
    expect(ok({ ...element, repeat: -1 })).toBe(false);
    expect(ok({ ...element, repeat: 1.5 })).toBe(false);
    expect(ok({ ...element, repeatMessage: { text: 'Again?', variations: Array.from({ length: 10 }, () => 'v') } })).toBe(true);
    expect(issues({ ...element, repeatMessage: { text: 'Again?', variations: Array.from({ length: 11 }, () => 'v') } })).toEqual([
      expect.stringMatching(/^repeatMessage\.variations: Too big/),
    ]);
    expect(issues({ ...element, repeatMessage: { text: 'x'.repeat(4097) } })).toEqual([expect.stringMatching(/^repeatMessage\.text: Too big/)]);
  });

  it('checks nlp and the fallback, and refuses unknown fields', () => {
    expect(ok({ ...element, nlp: true })).toBe(true);
    expect(ok({ ...element, nlp: 'yes' })).toBe(false);
    expect(ok({ ...element, fallback: { message: { text: 'Sorry' }, action: { type: 'dialog', dialogId: 'help' } } })).toBe(true);
    expect(ok({ ...element, fallback: { action: { type: 'teleport' } } })).toBe(false);
    expect(ok({ ...element, keyword: [] })).toBe(false);
  });

  it('describes every field for the editor forms', () => {
    const properties = JSON.stringify(userResponseSchema.toJSONSchema({ io: 'input' }));
    for (const fragment of ['Valid replies, evaluated in order', 'Stable keyword id', 'Keyword or phrase', 'Natural language processing', 'coerced to its type', 'Times to ask again', 'Sent when a reply is invalid', 'What to do when the repeats', 'Seconds to wait for a reply']) {
      expect(properties).toContain(fragment);
    }
  });
});
