/** One word of a reply: its folded text and the clause (between punctuation marks) it is in. */
export type ReplyToken = { word: string; clause: number };

const apostrophes = /['’‘ʼ`´]/gu;
const clauseBreaks = /[.,;:!?¡¿…()[\]{}"“”«»\r\n]+/u;
/** Words are runs of letters and digits; each emoji is a word of its own ("👍"). */
const wordPattern = /[\p{L}\p{N}]+|\p{Extended_Pictographic}/gu;
const combiningMarks = /\p{M}+/gu;
/** A letter repeated three times or more is emphasis ("yesss", "noooo"), never spelling. */
const elongation = /(\p{L})\1{2,}/gu;
/** Letters NFKD leaves whole that readers still see as a base letter plus something. */
const letterFolds: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h',
};

/**
 * Splits a reply into lower-case words, the way keywords are compared (matchKeyword).
 * Always: Unicode compatibility forms unified (NFKC: full-width letters, ligatures),
 * lower case, apostrophes dropped inside words ("don't" → "dont"), punctuation and
 * whitespace only separate words and clauses. With `nlp`, also: diacritics folded
 * ("sí" → "si", "Straße" → "strasse") and emphatic letter runs shortened ("yesss" → "yes").
 * Deterministic and locale-independent (no toLocaleLowerCase).
 */
export function tokenizeReply(text: string, options: { nlp: boolean }): ReplyToken[] {
  let folded = text.normalize('NFKC').toLowerCase().replace(apostrophes, '');
  if (options.nlp) {
    folded = folded
      .normalize('NFKD')
      .replace(combiningMarks, '')
      .replace(/[ßæœøđðłþıħ]/gu, (letter) => letterFolds[letter] ?? letter)
      .replace(elongation, '$1');
  }
  const tokens: ReplyToken[] = [];
  folded.split(clauseBreaks).forEach((clauseText, clause) => {
    for (const match of clauseText.matchAll(wordPattern)) tokens.push({ word: match[0], clause });
  });
  return tokens;
}
