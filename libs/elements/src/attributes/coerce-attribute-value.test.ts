import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeType } from '../attribute-declaration-schema';
import { coerceAttributeValue } from './coerce-attribute-value';

type Case = [input: unknown, expected: unknown];

function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  value['self'] = value;
  return value;
}

/** Runs accepted cases (expected value) and refused ones (expected `undefined`). */
function table(type: AttributeType, cases: Case[]) {
  it.each(cases)(`${type}: %j → %j`, (input, expected) => {
    const result = coerceAttributeValue(type, input);
    if (expected === undefined) {
      expect(result.ok).toBe(false);
    } else {
      expect(result).toEqual({ ok: true, value: expected });
    }
  });
}

describe('coerceAttributeValue', () => {
  describe('text', () => {
    table('text', [
      ['  Hello  ', '  Hello  '],
      ['', ''],
      [42, '42'],
      [3.5, '3.5'],
      [true, 'true'],
      [{ id: 'A-1', items: [1, 2] }, '{"id":"A-1","items":[1,2]}'],
      [['a', 'b'], '["a","b"]'],
      [null, undefined],
      [undefined, undefined],
      [Number.NaN, undefined],
      [() => 1, undefined],
    ]);
  });

  describe('number', () => {
    table('number', [
      [42, 42],
      [-0, 0],
      ['42', 42],
      [' 42 ', 42],
      ['-3.5', -3.5],
      ['+7', 7],
      ['.5', 0.5],
      ['1e3', 1000],
      ['1,5', 1.5],
      ['0,75', 0.75],
      ['0,750', 0.75],
      ['1234,5', 1234.5],
      ['1,500', 1500],
      ['12,345.67', 12345.67],
      ['1,000,000', 1_000_000],
      ['1.000,50', undefined],
      ['12 kg', undefined],
      ['$5', undefined],
      ['1,2,3', undefined],
      ['', undefined],
      ['abc', undefined],
      ['NaN', undefined],
      ['Infinity', undefined],
      ['1e400', undefined],
      [Number.POSITIVE_INFINITY, undefined],
      [true, undefined],
      [null, undefined],
    ]);

    it('explains the accepted formats', () => {
      expect(coerceAttributeValue('number', 'ten')).toEqual({
        ok: false,
        message: 'not a number (expected e.g. 42, -3.5, 1,5 or 1,500)',
      });
    });
  });

  describe('boolean', () => {
    table('boolean', [
      [true, true],
      [false, false],
      [1, true],
      [0, false],
      ['true', true],
      ['FALSE', false],
      [' Yes ', true],
      ['no', false],
      ['y', true],
      ['N', false],
      ['on', true],
      ['off', false],
      ['1', true],
      ['0', false],
      [2, undefined],
      ['maybe', undefined],
      ['yess', undefined],
      ['', undefined],
      [null, undefined],
    ]);
  });

  describe('date', () => {
    table('date', [
      ['2024-05-31', '2024-05-31'],
      [' 2024-02-29 ', '2024-02-29'],
      ['2000-02-29', '2000-02-29'],
      ['2024-05-31T14:30:00Z', '2024-05-31T14:30:00.000Z'],
      ['2024-05-31t14:30z', '2024-05-31T14:30:00.000Z'],
      ['2024-05-31 14:30:15.1234+02:00', '2024-05-31T12:30:15.123Z'],
      ['2024-05-31T14:30:00-0530', '2024-05-31T20:00:00.000Z'],
      ['2024-05-31T23:30:00-01', '2024-06-01T00:30:00.000Z'],
      ['2024-05-31T14:30', '2024-05-31T14:30:00.000Z'],
      ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
      [new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), '2024-01-02T03:04:05.000Z'],
      ['2023-02-29', undefined],
      ['2024-13-01', undefined],
      ['2024-04-31', undefined],
      ['2024-05-31T24:00:00Z', undefined],
      ['2024-05-31T12:60Z', undefined],
      ['2024-05-31T12:00:60Z', undefined],
      ['2024-05-31T12:00+24:00', undefined],
      ['0000-01-01T00:00:00+01:00', undefined],
      ['31/05/2024', undefined],
      ['May 31, 2024', undefined],
      ['today', undefined],
      ['2024-5-31', undefined],
      [1717165800000, undefined],
      ['', undefined],
    ]);
  });

  describe('phone', () => {
    table('phone', [
      ['+14155552671', '+14155552671'],
      ['+1 (415) 555-2671', '+14155552671'],
      ['+1.415.555.2671', '+14155552671'],
      ['0014155552671', '+14155552671'],
      ['＋44 20 7946 0958', '+442079460958'],
      ['+33 6 12 34 56 78', '+33612345678'],
      ['4155552671', undefined],
      ['+1 234', undefined],
      ['+999 123456', undefined],
      ['+14155552671 ext 12', undefined],
      ['call me at +14155552671', undefined],
      ['not a phone', undefined],
      [14155552671, undefined],
    ]);

    it('names E.164 in its messages', () => {
      expect(coerceAttributeValue('phone', '+1 234')).toEqual({
        ok: false,
        message: 'not a valid phone number (E.164 expected, e.g. +14155552671)',
      });
      expect(coerceAttributeValue('phone', '4155552671')).toEqual({
        ok: false,
        message: 'not a valid phone number (E.164 expected, e.g. +14155552671): start with + and the country code',
      });
    });
  });

  describe('email', () => {
    table('email', [
      ['ana@example.com', 'ana@example.com'],
      ['  Ana.Silva+news@Example.COM ', 'Ana.Silva+news@example.com'],
      ['josé@exemplo.pt', 'josé@exemplo.pt'],
      ['ana@example', undefined],
      ['ana@@example.com', undefined],
      ['Ana <ana@example.com>', undefined],
      ['ana example.com', undefined],
      ['', undefined],
      [42, undefined],
    ]);
  });

  describe('url', () => {
    table('url', [
      ['https://example.com', 'https://example.com'],
      [' http://shop.example.co.uk/cart?id=1#top ', 'http://shop.example.co.uk/cart?id=1#top'],
      ['https://example.com:8443/a/b', 'https://example.com:8443/a/b'],
      ['example.com', undefined],
      ['www.example.com/page', undefined],
      ['ftp://example.com/file', undefined],
      ['javascript:alert(1)', undefined],
      ['//example.com', undefined],
      ['https://', undefined],
      ['http://localhost:3000', undefined],
      ['https://exa mple.com', undefined],
      [null, undefined],
    ]);
  });

  describe('list', () => {
    table('list', [
      [['a', 1, { b: true }], ['a', 1, { b: true }]],
      [[], []],
      ['["red","blue"]', ['red', 'blue']],
      [' [1, 2] ', [1, 2]],
      ['red, blue', undefined],
      ['{"a":1}', undefined],
      ['"red"', undefined],
      [{ 0: 'a' }, undefined],
      [[Number.NaN], undefined],
      [null, undefined],
    ]);
  });

  describe('json', () => {
    table('json', [
      [{ a: [1, null] }, { a: [1, null] }],
      [null, null],
      ['{"status":200}', { status: 200 }],
      ['[1,2]', [1, 2]],
      ['42', 42],
      ['true', true],
      ['null', null],
      ['hello', 'hello'],
      ['"quoted"', '"quoted"'],
      ['{broken', '{broken'],
      [Number.NaN, undefined],
      [new Date(0), undefined],
      [Object.assign(Object.create(null), { a: 1 }), { a: 1 }],
      [cyclic(), undefined],
      [JSON.parse('{"__proto__":{"admin":true}}'), JSON.parse('{"__proto__":{"admin":true}}')],
    ]);
  });

  it('refuses a missing value for every type', () => {
    for (const type of ['text', 'number', 'boolean', 'date', 'phone', 'email', 'url', 'list', 'json'] as const) {
      expect(coerceAttributeValue(type, undefined)).toEqual({ ok: false, message: 'no value to store' });
    }
  });

  const types: AttributeType[] = ['text', 'number', 'boolean', 'date', 'phone', 'email', 'url', 'list', 'json'];
  const samples = fc.oneof(
    fc.jsonValue(),
    fc.string(),
    fc.constantFrom(
      '42', '1,5', '1,500', 'yes', 'off', '2024-02-29', '2024-05-31T14:30:15.5+02:00', '+1 (415) 555-2671',
      '0044 20 7946 0958', 'Ana@Example.COM', 'https://example.com/a?b=1', '["a",1]', '{"a":[1]}', '"x"', 'null',
    ),
    fc.date({ noInvalidDate: true }),
  );

  it('is idempotent: coercing its own output gives the same value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), samples, (type, input) => {
        const first = coerceAttributeValue(type, input);
        if (!first.ok) return;
        expect(coerceAttributeValue(type, first.value)).toEqual(first);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws and always returns a JSON value or a message', () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.anything(), (type, input) => {
        const result = coerceAttributeValue(type, input);
        if (result.ok) expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
        else expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('negative zero', () => {
  it('stores -0 as 0, as JSON would, at any depth', () => {
    expect(coerceAttributeValue('json', { '': -0 })).toEqual({ ok: true, value: { '': 0 } });
    expect(coerceAttributeValue('list', [-0])).toEqual({ ok: true, value: [0] });
  });
});
