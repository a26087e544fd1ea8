import { describe, expect, it } from 'vitest';
import type { AttributeDeclaration, AttributeType } from '../attribute-declaration-schema';
import type { AttributeValues } from '../attribute-values-schema';
import type { ElementContext } from '../element-definition';
import { elementOutcomeSchema, type ElementOutcome } from '../element-outcome-schema';
import type { Fallback } from '../fallback/fallback-schema';
import { testContext } from '../test-context';
import type { ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import { saveUserResponseElement } from './index';
import {
  isCollected,
  resumeSaveUserResponse,
  runSaveUserResponse,
  saveUserResponseAttributeRefs,
  saveUserResponsePorts,
  validateSaveUserResponse,
} from './run';
import { saveUserResponseSchema, type SaveUserResponse } from './schema';

const types: Record<string, AttributeType> = {
  email: 'email',
  phone: 'phone',
  site: 'url',
  age: 'number',
  code: 'text',
  born: 'date',
  note: 'json',
  tags: 'list',
  ok: 'boolean',
};
const declarations: Record<string, AttributeDeclaration> = Object.fromEntries(
  Object.entries(types).map(([name, type]) => [name, { name, type, scope: 'session' }]),
);
const context = (attributes: AttributeValues = {}): ElementContext => testContext({ attributes, declarations });
const ask: SaveUserResponse = { id: 'ask', type: 'save-user-response', saveAs: 'code', message: { text: 'Your code, {{name}}?' } };
const firstWait: WaitFor = { kind: 'user.message' };

function reply(config: SaveUserResponse, text: string, waitFor: WaitFor = firstWait, ctx: ElementContext = context()): ElementOutcome {
  const outcome = resumeSaveUserResponse(config, waitFor, { type: 'user.message', text }, ctx);
  expect(elementOutcomeSchema.safeParse(outcome).error).toBeUndefined();
  return outcome;
}

function saved(config: SaveUserResponse, text: string): unknown {
  const outcome = reply(config, text);
  return outcome.kind === 'continue' ? outcome.attributes[config.saveAs] : `(${outcome.kind})`;
}

describe('save-user-response run', () => {
  it('sends the message (placeholders filled) and waits for the reply, with the timeout', () => {
    expect(runSaveUserResponse({ ...ask, timeoutSeconds: 120 }, context({ name: 'Ana' }))).toEqual({
      kind: 'wait',
      waitFor: { kind: 'user.message', timeoutSeconds: 120 },
      effects: [{ type: 'send', text: 'Your code, Ana?' }],
      attributes: {},
    });
  });

  it('picks one message variation at random', () => {
    const element: SaveUserResponse = { ...ask, message: { text: 'A', variations: ['B', 'C'] } };
    const sent = [0, 0.5, 0.99].map((draw) => runSaveUserResponse(element, testContext({ random: () => draw })).effects);
    expect(sent).toEqual([[{ type: 'send', text: 'A' }], [{ type: 'send', text: 'B' }], [{ type: 'send', text: 'C' }]]);
  });

  it('only waits when there is no message (the previous element asked)', () => {
    expect(runSaveUserResponse({ id: 'ask', type: 'save-user-response', saveAs: 'code' }, context())).toEqual({
      kind: 'wait',
      waitFor: { kind: 'user.message' },
      effects: [],
      attributes: {},
    });
  });

  it('skips the question when skipIfCollected and the attribute has a value', () => {
    const skipping: SaveUserResponse = { ...ask, skipIfCollected: true };
    expect(runSaveUserResponse(skipping, context({ code: 'A1' }))).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: {} });
    expect(runSaveUserResponse(skipping, context({ code: '  ' })).kind).toBe('wait');
    expect(runSaveUserResponse(skipping, context()).kind).toBe('wait');
    expect(runSaveUserResponse(ask, context({ code: 'A1' })).kind).toBe('wait');
  });

  it('counts as collected anything but missing, null, blank text and empty lists', () => {
    expect([undefined, null, '', ' ', []].map(isCollected)).toEqual([false, false, false, false, false]);
    expect([0, false, 'x', ['a'], {}].map(isCollected)).toEqual([true, true, true, true, true]);
  });
});

describe('save-user-response resume', () => {
  it('saves a valid reply and continues through next', () => {
    expect(reply(ask, 'A1')).toEqual({ kind: 'continue', port: 'next', effects: [], attributes: { code: 'A1' } });
  });

  it('coerces the reply to the declared type of saveAs; a reply that does not fit is invalid', () => {
    expect(saved({ ...ask, saveAs: 'age' }, ' 42 ')).toBe(42);
    expect(saved({ ...ask, saveAs: 'age' }, '1,5')).toBe(1.5);
    expect(saved({ ...ask, saveAs: 'age' }, 'forty')).toBe('(fallback)');
    expect(saved({ ...ask, saveAs: 'born' }, '2000-02-29')).toBe('2000-02-29');
    expect(saved({ ...ask, saveAs: 'born' }, '2001-02-29')).toBe('(fallback)');
    expect(saved({ ...ask, saveAs: 'ok' }, 'Yes')).toBe(true);
    expect(saved({ ...ask, saveAs: 'tags' }, '["a","b"]')).toEqual(['a', 'b']);
    expect(saved({ ...ask, saveAs: 'note' }, '{"a":1}')).toEqual({ a: 1 });
    expect(saved({ ...ask, saveAs: 'email' }, 'Ana@Example.COM')).toBe('Ana@example.com');
  });

  it('treats a blank reply as invalid', () => {
    expect(saved(ask, '   ')).toBe('(fallback)');
  });

  it('validates email, phone (normalized to E.164) and url', () => {
    expect(saved({ ...ask, validation: { type: 'email' } }, ' ana@Example.com ')).toBe('ana@example.com');
    expect(saved({ ...ask, validation: { type: 'email' } }, 'ana at example')).toBe('(fallback)');
    expect(saved({ ...ask, saveAs: 'phone', validation: { type: 'phone' } }, '+1 (415) 555-2671')).toBe('+14155552671');
    expect(saved({ ...ask, saveAs: 'phone', validation: { type: 'phone' } }, '0044 20 7946 0958')).toBe('+442079460958');
    expect(saved({ ...ask, validation: { type: 'phone' } }, '555-2671')).toBe('(fallback)');
    expect(saved({ ...ask, saveAs: 'site', validation: { type: 'url' } }, 'https://example.com/a')).toBe('https://example.com/a');
    expect(saved({ ...ask, validation: { type: 'url' } }, 'example')).toBe('(fallback)');
  });

  it('validates with a regular expression (flags allowed), saving the trimmed reply', () => {
    const regex: SaveUserResponse = { ...ask, validation: { type: 'regex', pattern: '^[a-z]{2}-\\d{4}$', flags: 'i' } };
    expect(saved(regex, ' AB-1234 ')).toBe('AB-1234');
    expect(saved(regex, 'AB-123')).toBe('(fallback)');
    expect(saved({ ...ask, saveAs: 'age', validation: { type: 'regex', pattern: '^\\d{2}$' } }, '42')).toBe(42);
  });

  it('re-asks with the repeat message, else the message, while repeats remain; then the fallback', () => {
    const fallback: Fallback = { message: { text: 'No worries.' }, action: { type: 'port' } };
    const strict: SaveUserResponse = { ...ask, saveAs: 'email', validation: { type: 'email' }, repeat: 1, fallback, timeoutSeconds: 60 };
    const first = reply({ ...strict, repeatMessage: { text: 'That is not an email, {{name}}.' } }, 'nope', firstWait, context({ name: 'Ana' }));
    expect(first).toEqual({
      kind: 'wait',
      waitFor: { kind: 'user.message', timeoutSeconds: 60, state: { attempt: 1 } },
      effects: [{ type: 'send', text: 'That is not an email, Ana.' }],
      attributes: {},
    });
    expect(reply(strict, 'nope', firstWait, context({ name: 'Ana' })).effects).toEqual([{ type: 'send', text: 'Your code, Ana?' }]);
    if (first.kind !== 'wait') throw new Error('expected a wait');
    expect(reply(strict, 'still nope', first.waitFor)).toEqual({ kind: 'fallback', fallback, effects: [], attributes: {} });
    expect(reply(strict, 'ana@example.com', first.waitFor)).toMatchObject({ kind: 'continue', port: 'next', attributes: { email: 'ana@example.com' } });
  });

  it('waits silently on repeat when there is no message at all', () => {
    expect(reply({ id: 'ask', type: 'save-user-response', saveAs: 'age', repeat: 3 }, 'x')).toEqual({
      kind: 'wait',
      waitFor: { kind: 'user.message', state: { attempt: 1 } },
      effects: [],
      attributes: {},
    });
  });

  it("applies the fallback at once on timeout; the bot's default without one", () => {
    expect(resumeSaveUserResponse({ ...ask, repeat: 3 }, firstWait, { type: 'timeout' }, context())).toEqual({ kind: 'fallback', effects: [], attributes: {} });
    const fallback: Fallback = { action: { type: 'end' } };
    expect(resumeSaveUserResponse({ ...ask, fallback }, firstWait, { type: 'timeout' }, context())).toEqual({ kind: 'fallback', fallback, effects: [], attributes: {} });
  });
});

describe('save-user-response ports, refs and validate', () => {
  const validation = (overrides: Partial<ValidationContext> = {}): ValidationContext => ({
    declarations,
    dialogs: [{ id: 'help', name: 'Help' }],
    components: [],
    isInbound: () => false,
    scope: { kind: 'bot' },
    ...overrides,
  });

  it("has next, plus fallback for a 'port' fallback", () => {
    expect(saveUserResponsePorts(ask)).toEqual(['next']);
    expect(saveUserResponseElement.ports({ ...ask, fallback: { action: { type: 'port' } } })).toEqual(['next', 'fallback']);
    expect(saveUserResponsePorts({ ...ask, fallback: { action: { type: 'end' } } })).toEqual(['next']);
  });

  it('reports saveAs as a field write and the placeholders of every message', () => {
    expect(
      saveUserResponseAttributeRefs({
        ...ask,
        message: { text: 'Hi {{name}}', variations: ['{{a}}'] },
        repeatMessage: { text: '{{b}}' },
        fallback: { message: { text: '{{c}}' }, action: { type: 'end' } },
      }),
    ).toEqual([
      { name: 'code', access: 'write', path: ['saveAs'], valuePath: [], via: 'field' },
      { name: 'name', access: 'read', path: ['message', 'text'], valuePath: [] },
      { name: 'a', access: 'read', path: ['message', 'variations', 0], valuePath: [] },
      { name: 'b', access: 'read', path: ['repeatMessage', 'text'], valuePath: [] },
      { name: 'c', access: 'read', path: ['fallback', 'message', 'text'], valuePath: [] },
    ]);
  });

  it('refuses a predefined format the attribute type can never hold', () => {
    const issues = (saveAs: string, type: 'email' | 'phone' | 'url'): string[] =>
      validateSaveUserResponse({ ...ask, saveAs, validation: { type } }, validation()).map((issue) => `${issue.field} ${issue.rule}`);
    expect(issues('email', 'email')).toEqual([]);
    expect(issues('code', 'phone')).toEqual([]);
    expect(issues('note', 'url')).toEqual([]);
    expect(issues('age', 'email')).toEqual(['validation.type type-mismatch']);
    expect(issues('phone', 'email')).toEqual(['validation.type type-mismatch']);
    expect(issues('undeclared', 'email')).toEqual([]);
    expect(validateSaveUserResponse({ ...ask, saveAs: 'age', validation: { type: 'regex', pattern: '^\\d+$' } }, validation())).toEqual([]);
  });

  it('checks the fallback dialog and warns about silent repeats', () => {
    expect(validateSaveUserResponse({ ...ask, fallback: { action: { type: 'dialog', dialogId: 'gone' } } }, validation())).toEqual([
      expect.objectContaining({ field: 'fallback.action.dialogId', rule: 'unknown-dialog' }),
    ]);
    expect(validateSaveUserResponse({ id: 'ask', type: 'save-user-response', saveAs: 'code', repeat: 2 }, validation())).toEqual([
      expect.objectContaining({ field: 'repeatMessage', rule: 'silent-repeat', severity: 'warning' }),
    ]);
    expect(validateSaveUserResponse({ ...ask, repeat: 2 }, validation())).toEqual([]);
  });
});

describe('save-user-response schema', () => {
  const issues = (value: unknown): string[] => {
    const parsed = saveUserResponseSchema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };
  const ok = (value: unknown): boolean => saveUserResponseSchema.safeParse(value).success;

  it('requires saveAs, a valid attribute name', () => {
    expect(ok(ask)).toBe(true);
    expect(issues({ id: 'ask', type: 'save-user-response' })).toEqual([expect.stringMatching(/^saveAs: /)]);
    expect(ok({ ...ask, saveAs: '1x' })).toBe(false);
  });

  it('checks the message: 1–4096 characters, up to 10 variations', () => {
    expect(ok({ ...ask, message: { text: 'x'.repeat(4096), variations: Array.from({ length: 10 }, () => 'v') } })).toBe(true);
    expect(issues({ ...ask, message: { text: '' } })).toEqual([expect.stringMatching(/^message\.text: Too small/)]);
    expect(issues({ ...ask, message: { text: 'x'.repeat(4097) } })).toEqual([expect.stringMatching(/^message\.text: Too big/)]);
    expect(issues({ ...ask, message: { text: 'x', variations: Array.from({ length: 11 }, () => 'v') } })).toEqual([expect.stringMatching(/^message\.variations: Too big/)]);
    expect(ok({ ...ask, message: 'Your code?' })).toBe(false);
  });

  it('checks the validation rule, refusing invalid or backtracking-prone patterns at the pattern', () => {
    for (const rule of [{ type: 'email' }, { type: 'phone' }, { type: 'url' }, { type: 'regex', pattern: '^\\d+$' }, { type: 'regex', pattern: 'a', flags: 'imsu' }]) {
      expect(ok({ ...ask, validation: rule })).toBe(true);
    }
    expect(issues({ ...ask, validation: { type: 'regex', pattern: '(a+)+$' } })).toEqual([expect.stringMatching(/^validation\.pattern: .*catastrophic backtracking/)]);
    expect(issues({ ...ask, validation: { type: 'regex', pattern: '(' } })).toEqual([expect.stringMatching(/^validation\.pattern: not a valid regular expression/)]);
    expect(issues({ ...ask, validation: { type: 'regex', pattern: 'a', flags: 'g' } })).toEqual([expect.stringMatching(/^validation\.pattern: unsupported flag "g"/)]);
    expect(issues({ ...ask, validation: { type: 'regex', pattern: '' } })).toContainEqual(expect.stringMatching(/^validation\.pattern: Too small/));
    expect(ok({ ...ask, validation: { type: 'postcode' } })).toBe(false);
    expect(ok({ ...ask, validation: { type: 'email', pattern: 'x' } })).toBe(false);
  });

  it('checks repeat 0–3, timeout 15–14400 s, the flags and the fallback', () => {
    expect(ok({ ...ask, repeat: 3, timeoutSeconds: 15, skipIfCollected: true, linkPreview: true })).toBe(true);
    expect(issues({ ...ask, repeat: 4 })).toEqual([expect.stringMatching(/^repeat: Too big/)]);
    expect(issues({ ...ask, timeoutSeconds: 14401 })).toEqual([expect.stringMatching(/^timeoutSeconds: Too big/)]);
    expect(issues({ ...ask, timeoutSeconds: 14 })).toEqual([expect.stringMatching(/^timeoutSeconds: Too small/)]);
    expect(ok({ ...ask, skipIfCollected: 'yes' })).toBe(false);
    expect(ok({ ...ask, linkPreview: 1 })).toBe(false);
    expect(ok({ ...ask, repeatMessage: { text: 'Again?' }, fallback: { action: { type: 'agent', tags: ['vip'] } } })).toBe(true);
    expect(ok({ ...ask, fallback: { action: { type: 'dialog' } } })).toBe(false);
    expect(ok({ ...ask, saveAS: 'code' })).toBe(false);
  });

  it('describes every field for the editor forms', () => {
    const json = JSON.stringify(saveUserResponseSchema.toJSONSchema({ io: 'input' }));
    for (const fragment of ['Skip the question', 'The question, sent when', 'coerced to its type', 'Custom validation', 'Times to ask again', 'Sent instead of', 'What to do when', 'Seconds to wait', 'preview of the first link']) {
      expect(json).toContain(fragment);
    }
  });
});
