import { describe, expect, it } from 'vitest';
import { csatAnswerLabels, csatSatisfied, parseCsatScore } from './parse-csat-score';

describe('parseCsatScore', () => {
  it('accepts whole numbers within numeric scales only', () => {
    expect(parseCsatScore('1-2', '1')).toBe(1);
    expect(parseCsatScore('1-2', ' 2 ')).toBe(2);
    expect(parseCsatScore('1-2', '3')).toBeNull();
    expect(parseCsatScore('1-5', '5')).toBe(5);
    expect(parseCsatScore('1-5', '0')).toBeNull();
    expect(parseCsatScore('1-5', '6')).toBeNull();
    expect(parseCsatScore('1-10', '10')).toBe(10);
    expect(parseCsatScore('1-10', '11')).toBeNull();
    for (const text of ['4.5', 'four', '4 stars', '', '-1', '04x', '😀']) expect(parseCsatScore('1-5', text)).toBeNull();
  });

  it('accepts emoji and the words positive / neutral / negative on the emoji scale', () => {
    expect(parseCsatScore('emoji', '😀')).toBe(3);
    expect(parseCsatScore('emoji', '👍🏽')).toBe(3);
    expect(parseCsatScore('emoji', '❤️')).toBe(3);
    expect(parseCsatScore('emoji', ' Positive ')).toBe(3);
    expect(parseCsatScore('emoji', '😐')).toBe(2);
    expect(parseCsatScore('emoji', 'NEUTRAL')).toBe(2);
    expect(parseCsatScore('emoji', '😞')).toBe(1);
    expect(parseCsatScore('emoji', '☹️')).toBe(1);
    expect(parseCsatScore('emoji', 'negative')).toBe(1);
    for (const text of ['3', 'good', '😀😀', 'positive!', '🐱', '']) expect(parseCsatScore('emoji', text)).toBeNull();
  });

  it('parses every quick-reply label it offers to its score, lowest first', () => {
    for (const scale of ['1-2', '1-5', '1-10', 'emoji'] as const) {
      const labels = csatAnswerLabels(scale);
      expect(labels.map((label) => parseCsatScore(scale, label))).toEqual(labels.map((_, index) => index + 1));
    }
    expect(csatAnswerLabels('1-10')).toHaveLength(10);
    expect(csatAnswerLabels('emoji')).toEqual(['😞', '😐', '😀']);
  });
});

describe('csatSatisfied', () => {
  it("follows the spec's bands", () => {
    expect([1, 2].map((score) => csatSatisfied('1-2', score))).toEqual([false, true]);
    expect([1, 2, 3, 4, 5].map((score) => csatSatisfied('1-5', score))).toEqual([false, false, false, true, true]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((score) => csatSatisfied('1-10', score))).toEqual([
      false, false, false, false, false, false, true, true, true, true,
    ]);
    expect([1, 2, 3].map((score) => csatSatisfied('emoji', score))).toEqual([false, false, true]);
  });
});
