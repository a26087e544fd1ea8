import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeywordMatchMethod } from './keyword-match-schema';
import { matchKeyword } from './match-keyword';

type Expected = [keyword: string, method: KeywordMatchMethod] | null;

function expectMatch(reply: string, keywords: string[], nlp: boolean, expected: Expected) {
  const match = matchKeyword(reply, keywords, { nlp });
  if (expected === null) {
    expect(match).toBeNull();
  } else {
    expect(match).toMatchObject({ keyword: expected[0], index: keywords.indexOf(expected[0]), method: expected[1] });
  }
}

const yesNo = ['Yes', 'No'];

describe('matchKeyword without NLP', () => {
  it.each<[string, string[], Expected]>([
    ['Yes', yesNo, ['Yes', 'exact']],
    ['  yes  ', yesNo, ['Yes', 'exact']],
    ['YES', yesNo, ['Yes', 'exact']],
    ['Yes!', yesNo, ['Yes', 'normalized']],
    ['Yes please!', yesNo, ['Yes', 'normalized']],
    ['yes, sure', yesNo, ['Yes', 'normalized']],
    ['Order   status?', ['Order status'], ['Order status', 'normalized']],
    ['order-status', ['Order status'], ['Order status', 'normalized']],
    ['I want to check my order status', ['Order status'], ['Order status', 'normalized']],
    ['Hello, I would like to check my order status', ['Order status'], null],
    ['option 2', ['1', '2', '3'], ['2', 'normalized']],
    ['order status?', ['Order', 'Order status'], ['Order status', 'normalized']],
    ['my order', ['Order', 'Order status'], ['Order', 'normalized']],
    ["don't know", ['Dont know'], ['Dont know', 'normalized']],
    ['no', yesNo, ['No', 'exact']],
    ['yep', yesNo, null],
    ['yess', yesNo, null],
    ['sure', yesNo, null],
    ['Sí', ['si'], null],
    ['cancel my order', ['cancel order'], null],
    ['not interested', ['Interested'], null],
    ['not interested', ['Interested', 'Not interested'], ['Not interested', 'exact']],
    ["I'm not interested", ['Interested', 'Not interested'], ['Not interested', 'normalized']],
    ['Well, to be honest, yes, I think I would, probably', yesNo, null],
    ['', yesNo, null],
    ['?!', ['?!'], ['?!', 'exact']],
  ])('%j with %j → %j', (reply, keywords, expected) => expectMatch(reply, keywords, false, expected));

  it('scores exact 1, a normalized equal reply 0.95 and a keyword inside a reply 0.9', () => {
    expect(matchKeyword('yes', yesNo, { nlp: false })?.score).toBe(1);
    expect(matchKeyword('Yes!!', yesNo, { nlp: false })?.score).toBe(0.95);
    expect(matchKeyword('yes please', yesNo, { nlp: false })?.score).toBe(0.9);
  });

  it('ignores extra synonyms without NLP', () => {
    expect(matchKeyword('vip', ['Premium'], { nlp: false, synonyms: [['premium', 'vip']] })).toBeNull();
  });
});

describe('matchKeyword with NLP', () => {
  it.each<[string, string[], Expected]>([
    // yes / no
    ['yess', yesNo, ['Yes', 'fuzzy']],
    ['yesss!!', yesNo, ['Yes', 'normalized']],
    ['Yes please!', yesNo, ['Yes', 'normalized']],
    ['yep', yesNo, ['Yes', 'synonym']],
    ['Sure', yesNo, ['Yes', 'synonym']],
    ['ok sounds good', yesNo, ['Yes', 'synonym']],
    ['of course!', yesNo, ['Yes', 'synonym']],
    ['👍', yesNo, ['Yes', 'synonym']],
    ['👍🏽', yesNo, ['Yes', 'synonym']],
    ['I agree', ['I agree', 'I disagree'], ['I agree', 'exact']],
    ['yes', ['I agree'], ['I agree', 'synonym']],
    ['sí', ['Yes'], ['Yes', 'synonym']],
    ['nope', yesNo, ['No', 'synonym']],
    ['nah thanks', yesNo, ['No', 'synonym']],
    ['noooo', yesNo, ['No', 'normalized']],
    ['not really', yesNo, ['No', 'synonym']],
    ['no', ['Yes'], null],
    ['nope', ['Yes'], null],
    ['not sure', ['Yes'], null],
    ['yet', ['Yes'], null],
    ['yesterday', ['Yes'], null],
    ['eyes', ['Yes'], null],
    // stems
    ['cancel my order', ['Cancellation'], ['Cancellation', 'stem']],
    ['I want to cancel my order', ['Order status', 'Cancel order'], ['Cancel order', 'stem']],
    ['orders', ['Order'], ['Order', 'stem']],
    ['helping', ['help'], ['help', 'stem']],
    // synonyms
    ['talk to a human', ['Agent'], ['Agent', 'synonym']],
    ['I want to speak with a real person please', ['Talk to an agent'], ['Talk to an agent', 'synonym']],
    ['human please', ['Customer service'], ['Customer service', 'synonym']],
    ['how much does it cost?', ['Pricing', 'Support'], ['Pricing', 'synonym']],
    ['where is my parcel', ['Track delivery'], ['Track delivery', 'synonym']],
    ['where is my parcel', ['Delivery'], ['Delivery', 'synonym']],
    ['stop', ['Cancel', 'Stop'], ['Stop', 'exact']],
    ['abort', ['Cancel', 'Stop'], ['Cancel', 'synonym']],
    ['I want my money back', ['Menu', 'Refund'], ['Refund', 'synonym']],
    // typos
    ['cancle', ['Cancel'], ['Cancel', 'fuzzy']],
    ['hlep', ['Help'], ['Help', 'fuzzy']],
    ['agnet please', ['Agent'], ['Agent', 'fuzzy']],
    ['humna', ['Agent'], ['Agent', 'fuzzy']],
    ['cancel my oder', ['Cancel order'], ['Cancel order', 'fuzzy']],
    ['cancle my order', ['Cancellation'], ['Cancellation', 'fuzzy']],
    ['kancel', ['Cancel'], null],
    ['2025', ['2024'], null],
    ['agency', ['Agent'], null],
    // a stronger method beats keyword order
    ['older', ['Order', 'Older'], ['Older', 'exact']],
    ['human', ['Agent', 'Human'], ['Human', 'exact']],
    ['yes', ['Yeah', 'Yes'], ['Yes', 'exact']],
    ['orders status', ['Order', 'Order status'], ['Order status', 'stem']],
    ['cancle', ['Cancel', 'Candle'], ['Cancel', 'fuzzy']],
    // negation
    ['not interested', ['Interested'], null],
    ["I'm not really interested", ['Interested', 'Not interested'], ['Not interested', 'stem']],
    ["I don't want an agent", ['Agent'], null],
    ['I do not need help', ['Help'], null],
    ['no agent', ['Agent'], null],
    ['No, I want an agent', ['Agent'], ['Agent', 'normalized']],
    ['no I want an agent', ['Agent'], ['Agent', 'normalized']],
    ['not now but yes', yesNo, ['Yes', 'normalized']],
    ['no problem', ['Help'], null],
    // long messages that merely mention a keyword
    ['Hi, yesterday I ordered shoes but they are the wrong size, yes it is annoying', yesNo, null],
  ])('%j with %j → %j', (reply, keywords, expected) => expectMatch(reply, keywords, true, expected));

  it('uses extra synonyms given per call', () => {
    const synonyms = [['premium', 'gold plan', 'vip']];
    expect(matchKeyword('the gold plan please', ['Basic', 'Premium'], { nlp: true, synonyms })).toMatchObject({
      index: 1,
      method: 'synonym',
    });
    expect(matchKeyword('vip', ['Premium'], { nlp: true, synonyms })).toMatchObject({ index: 0, method: 'synonym' });
    expect(matchKeyword('vip', ['Premium'], { nlp: true })).toBeNull();
  });

  it('scores weaker methods lower, typos by their similarity', () => {
    const score = (reply: string, keyword: string) => matchKeyword(reply, [keyword], { nlp: true })?.score ?? 0;
    expect(score('orders', 'order')).toBe(0.85);
    expect(score('yep', 'yes')).toBe(0.8);
    expect(score('cancle', 'cancel')).toBeCloseTo(0.75 * (5 / 6), 3);
    expect(score('yess', 'yes')).toBeLessThan(score('cancle', 'cancel'));
  });

  it('never matches blank keywords or over-long replies', () => {
    expect(matchKeyword('yes', ['', '  '], { nlp: true })).toBeNull();
    expect(matchKeyword(`yes ${'x'.repeat(5000)}`, ['yes'], { nlp: true })).toBeNull();
  });

  it('returns a keyword from the list, and an exact reply always picks its own keyword', () => {
    const keyword = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== '');
    fc.assert(
      fc.property(fc.uniqueArray(keyword, { minLength: 1, maxLength: 6, selector: (text) => text.trim().toLowerCase() }), fc.nat(), fc.boolean(), (keywords, pick, nlp) => {
        const index = pick % keywords.length;
        const chosen = keywords[index] ?? '';
        const match = matchKeyword(chosen, keywords, { nlp });
        expect(match).toMatchObject({ index, keyword: chosen, method: 'exact', score: 1 });
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), fc.boolean(), (reply, keywords, nlp) => {
        const match = matchKeyword(reply, keywords, { nlp });
        if (match !== null) {
          expect(keywords[match.index]).toBe(match.keyword);
          expect(match.score).toBeGreaterThan(0);
          expect(match.score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
