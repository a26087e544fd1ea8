import { describe, expect, it } from 'vitest';
import { attributeOptions } from './attribute-options';
import { attributeToCreate } from './attribute-to-create';
import { describeElementFields } from './describe-element-fields';
import { duplicateKeys } from './duplicate-keys';
import { formatFieldPath } from './format-field-path';
import { initialValue } from './initial-value';
import { inlineMessage } from './inline-message';
import { matchVariant } from './match-variant';
import { moveItem } from './move-item';
import { numberRangeProblem } from './number-range-problem';
import { parseFieldPath } from './parse-field-path';
import { parseNumberText } from './parse-number-text';
import { keywordProblems } from './keyword-problems';
import { quickReplyProblems } from './quick-reply-problems';
import { synonymToAdd } from './synonym-to-add';
import { wordsFromKey } from './words-from-key';

describe('duplicateKeys', () => {
  it('names the key and the earlier item that has it', () => {
    expect(duplicateKeys(['Accept', 'Content-Type', 'accept ', ''], { caseInsensitive: true, itemTitle: 'Header' })).toEqual([
      undefined,
      undefined,
      'The key "accept" is already used by header 1',
      undefined,
    ]);
  });

  it('compares case-sensitively unless told otherwise, and never flags blank keys', () => {
    expect(duplicateKeys(['Language', 'language', 'Language'], { caseInsensitive: false, itemTitle: 'Pair' })).toEqual([
      undefined,
      undefined,
      'The key "Language" is already used by pair 1',
    ]);
    expect(duplicateKeys(['', ' ', ''], { caseInsensitive: true, itemTitle: 'Header' })).toEqual([undefined, undefined, undefined]);
  });
});

describe('field paths', () => {
  it('are written as validation issues write them, and read back', () => {
    expect(formatFieldPath(['buttons', 1, 'label'])).toBe('buttons[1].label');
    expect(formatFieldPath(['text'])).toBe('text');
    expect(parseFieldPath('conditions[1].groups[0].rules[2].value')).toEqual(['conditions', 1, 'groups', 0, 'rules', 2, 'value']);
    expect(parseFieldPath('')).toEqual([]);
  });
});

describe('labels', () => {
  it('turn keys into words, acronyms kept', () => {
    expect(wordsFromKey('saveAs')).toBe('Save as');
    expect(wordsFromKey('dialogId')).toBe('Dialog ID');
    expect(wordsFromKey('urlType')).toBe('URL type');
    expect(wordsFromKey('linkPreview')).toBe('Link preview');
  });
});

describe('numbers', () => {
  it('reads typed text: empty, numbers, and what is not one yet', () => {
    expect(parseNumberText('', true)).toEqual({ kind: 'empty' });
    expect(parseNumberText(' 42 ', true)).toEqual({ kind: 'number', value: 42 });
    expect(parseNumberText('1.5', true)).toMatchObject({ kind: 'invalid' });
    expect(parseNumberText('1.5', false)).toEqual({ kind: 'number', value: 1.5 });
    expect(parseNumberText('-', false)).toMatchObject({ kind: 'invalid' });
  });

  it('says at once when a value is out of range', () => {
    expect(numberRangeProblem(31, { minimum: 1, maximum: 30 })).toBe('At most 30');
    expect(numberRangeProblem(0, { minimum: 1, maximum: 30 })).toBe('At least 1');
    expect(numberRangeProblem(30, { minimum: 1, maximum: 30 })).toBeUndefined();
  });
});

describe('initialValue', () => {
  it('fills required fields only, with defaults and the first variant', () => {
    const fallback = describeElementFields('api').find((field) => field.key === 'fallback');
    expect(fallback && initialValue(fallback)).toEqual({ action: { type: 'dialog', dialogId: '' } });
    const headers = describeElementFields('api').find((field) => field.key === 'headers');
    expect(headers && headers.kind === 'array' && initialValue(headers.item)).toEqual({ key: '', value: '' });
    const timeout = describeElementFields('api').find((field) => field.key === 'timeoutSeconds');
    expect(timeout && initialValue(timeout)).toBe(10);
  });
});

describe('matchVariant', () => {
  it('finds a variant by tag, or by shape when the union has no tag', () => {
    const validation = describeElementFields('save-user-response').find((field) => field.key === 'validation');
    if (validation?.kind !== 'union') throw new Error('validation is a union');
    expect(matchVariant(validation, { type: 'email' })).toBe(1);
    expect(matchVariant(validation, { type: 'nope' })).toBeUndefined();
    expect(matchVariant(validation, undefined)).toBeUndefined();
    const mappings = describeElementFields('customer-profiles-profile').find((field) => field.key === 'mappings');
    const person = mappings?.kind === 'array' && mappings.item.kind === 'object' ? mappings.item.fields.find((field) => field.key === 'field') : undefined;
    if (person?.kind !== 'union') throw new Error('field is a union');
    expect(matchVariant(person, 'email')).toBe(0);
    expect(matchVariant(person, { custom: 'tier', type: 'text' })).toBe(1);
  });
});

describe('moveItem', () => {
  it('moves within bounds and keeps the list when nothing moves', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    const list = ['a', 'b'];
    expect(moveItem(list, 0, -1)).toBe(list);
    expect(moveItem(list, 5, 0)).toBe(list);
  });
});

describe('attribute pickers', () => {
  const declared = [
    { name: 'score', type: 'number' as const, scope: 'session' as const },
    { name: 'note', type: 'text' as const, scope: 'session' as const },
    { name: 'flag', type: 'boolean' as const, scope: 'person' as const },
  ];

  it('offer the attributes a written value fits, never built-ins', () => {
    expect(attributeOptions(declared, { attributeAccess: 'write', attributeTypes: ['number'] }).map((option) => option.name)).toEqual(['score', 'note']);
    expect(attributeOptions(declared, { attributeAccess: 'write' }).map((option) => option.name)).toEqual(['score', 'note', 'flag']);
  });

  it('offer read fields the declared and built-in attributes of the right type', () => {
    const names = attributeOptions(declared, {}).map((option) => option.name);
    expect(names.slice(0, 3)).toEqual(['score', 'note', 'flag']);
    expect(names).toContain('lastReceivedMessage');
    expect(attributeOptions(declared, { attributeTypes: ['url', 'text'] }).map((option) => option.name)).toEqual([
      'note',
      'lastReceivedMessage',
      'endUserDestination',
      'channel',
      'sessionId',
      'lastCustomerProfilesStatusCode',
    ]);
  });

  it('create a session attribute of the field type from a valid new name only', () => {
    expect(attributeToCreate('total', declared, { attributeTypes: ['number'] })).toEqual({
      ok: true,
      declaration: { name: 'total', type: 'number', scope: 'session' },
    });
    expect(attributeToCreate('city', declared, {})).toEqual({ ok: true, declaration: { name: 'city', type: 'text', scope: 'session' } });
    expect(attributeToCreate('score', declared, {})).toMatchObject({ ok: false });
    expect(attributeToCreate('channel', declared, {})).toMatchObject({ ok: false });
    expect(attributeToCreate('2fast', declared, {})).toMatchObject({ ok: false });
    expect(attributeToCreate('  ', declared, {})).toBeUndefined();
  });
});

describe('quickReplyProblems', () => {
  it('names a label that repeats an earlier one, ignoring case and outer spaces', () => {
    expect(quickReplyProblems(['Yes', 'No', ' yes ', '', ''])).toEqual([
      undefined,
      undefined,
      'The label "yes" is already used by quick reply 1',
      undefined,
      undefined,
    ]);
  });
});

describe('keywords', () => {
  it('name a keyword that repeats an earlier one', () => {
    expect(keywordProblems(['Yes', 'no', 'YES', ''])).toEqual([undefined, undefined, '"YES" repeats keyword 1', undefined]);
  });

  it('take a synonym once, not the keyword itself, up to the limit', () => {
    expect(synonymToAdd(' sure ', 'yes', ['yep'])).toEqual({ ok: true, synonym: 'sure' });
    expect(synonymToAdd('Yep', 'yes', ['yep'])).toMatchObject({ ok: false });
    expect(synonymToAdd('YES', 'yes', [])).toMatchObject({ ok: false });
    expect(synonymToAdd('  ', 'yes', [])).toMatchObject({ ok: false });
    expect(
      synonymToAdd(
        'ok',
        'yes',
        Array.from({ length: 20 }, (_, index) => `s${index}`),
      ),
    ).toMatchObject({ ok: false, message: 'A keyword has at most 20 synonyms' });
  });
});

describe('inlineMessage', () => {
  it('drops the leading path of the field it is shown under', () => {
    expect(inlineMessage('`url`: Start the URL with http://', 'url')).toBe('Start the URL with http://');
    expect(inlineMessage('`conditions[0].rules[0].attribute` must be at least 1 characters long.', 'conditions[0].rules[0].attribute')).toBe(
      'Must be at least 1 characters long.',
    );
    expect(inlineMessage('`other` must be set.', 'url')).toBe('`other` must be set.');
    expect(inlineMessage('The header "Accept" is set twice.', 'headers[1].key')).toBe('The header "Accept" is set twice.');
  });
});
