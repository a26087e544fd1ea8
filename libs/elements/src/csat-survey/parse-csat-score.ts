import { csatScaleMax, type CsatScale } from '../calls/csat-record-call';

/** Emoji-scale answers: 1 negative, 2 neutral, 3 positive. Compared after normalizeAnswer. */
const emojiAnswers: readonly (readonly [number, readonly string[]])[] = [
  [1, ['negative', '😞', '🙁', '☹', '😠', '😡', '😢', '😭', '😟', '😩', '😫', '😤', '😕', '👎']],
  [2, ['neutral', '😐', '😑', '😶', '🫤']],
  [3, ['positive', '😀', '😃', '😄', '😁', '😊', '🙂', '😍', '🥰', '🤩', '😆', '👍', '❤', '♥']],
];

/** Quick-reply labels offered with the question, lowest score first (each parses to its score). */
export function csatAnswerLabels(scale: CsatScale): string[] {
  if (scale === 'emoji') return ['😞', '😐', '😀'];
  return Array.from({ length: csatScaleMax[scale] }, (_, index) => String(index + 1));
}

/**
 * The score `text` gives on `scale`, or null when it is not a valid answer.
 * - numeric scales: the whole reply is one whole number within the scale ('4', ' 10 ');
 * - emoji: one emoji of the positive / neutral / negative sets (skin tones and variation
 *   selectors ignored) or the word itself, case-insensitively ('Positive'); 1 negative,
 *   2 neutral, 3 positive.
 */
export function parseCsatScore(scale: CsatScale, text: string): number | null {
  const answer = normalizeAnswer(text);
  if (scale === 'emoji') {
    for (const [score, answers] of emojiAnswers) if (answers.includes(answer)) return score;
    return null;
  }
  if (!/^\d{1,2}$/.test(answer)) return null;
  const score = Number(answer);
  return score >= 1 && score <= csatScaleMax[scale] ? score : null;
}

/** Whether `score` is in the satisfied band: 1-2 → 2; 1-5 → 4–5; 1-10 → 7–10; emoji → positive. */
export function csatSatisfied(scale: CsatScale, score: number): boolean {
  switch (scale) {
    case '1-2':
      return score >= 2;
    case '1-5':
      return score >= 4;
    case '1-10':
      return score >= 7;
    case 'emoji':
      return score >= 3;
  }
}

function normalizeAnswer(text: string): string {
  return text
    .replace(/[\uFE0E\uFE0F\u200D]|\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}/gu, '')
    .trim()
    .toLowerCase();
}
