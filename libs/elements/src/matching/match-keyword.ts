import damerauLevenshtein from 'damerau-levenshtein';
import { stemmer } from 'stemmer';
import type { KeywordMatch, KeywordMatchMethod, MatchKeywordOptions } from './keyword-match-schema';
import { keywordLexicon } from './keyword-lexicon';
import { tokenizeReply } from './tokenize-reply';

/** A typo is tolerated when 1 − (Damerau edits / longer length) reaches this: 1 edit in 4–7 letters, 2 in 8+. */
export const fuzzySimilarityThreshold = 0.75;
/** A keyword must be the gist of a reply: at most this many other (non-filler, with NLP) words around it. */
export const maxExtraWords = 5;
/** Longer replies are never keyword answers; they are not even tokenized. */
export const maxKeywordReplyLength = 4096;

const methodRank: Record<KeywordMatchMethod, number> = { exact: 0, normalized: 1, stem: 2, synonym: 3, fuzzy: 4 };
const fillerWords: ReadonlySet<string> = new Set(keywordLexicon.fillerWords);
const strongNegations: ReadonlySet<string> = new Set(keywordLexicon.strongNegations);
const weakNegations: ReadonlySet<string> = new Set(keywordLexicon.weakNegations);
const clauseResets: ReadonlySet<string> = new Set(keywordLexicon.clauseResets);
const asciiWord = /^[a-z]+$/;
const letterWord = /^\p{L}+$/u;

type Word = { word: string; stem: string; clause: number; index: number; filler: boolean };
/** A keyword's or synonym's content: its non-filler words and their stems. */
type Term = { words: string[]; stems: string[] };
type SynonymGroup = Term[];
/** A keyword's match before its position is known; `extra` = reply words it leaves unexplained. */
type ContentMatch = { method: KeywordMatchMethod; score: number; extra: number };

/** Porter stems for plain English words; other words (digits, other scripts, emoji) stay as they are. */
function stemOf(word: string): string {
  return asciiWord.test(word) ? stemmer(word) : word;
}

function wordsOf(text: string, nlp: boolean): Word[] {
  return tokenizeReply(text, { nlp }).map((token, index) => ({
    ...token,
    index,
    stem: nlp ? stemOf(token.word) : token.word,
    filler: nlp && fillerWords.has(token.word),
  }));
}

function termOf(text: string): Term | undefined {
  const content = wordsOf(text, true).filter((word) => !word.filler);
  if (content.length === 0) return undefined;
  return { words: content.map((word) => word.word), stems: content.map((word) => word.stem) };
}

function groupOf(terms: readonly string[]): SynonymGroup {
  return terms.map(termOf).filter((term) => term !== undefined);
}

const builtInGroups: readonly SynonymGroup[] = keywordLexicon.synonymGroups.map((group) => groupOf(group.terms));

/**
 * True when the word at `position` is negated: a strong negation ("not", "dont", "never")
 * earlier in its clause, or a weak one ("no", "without") among the two words before it.
 * A clause break (punctuation) or a reset word ("but") ends a negation's reach.
 */
function isNegated(words: readonly Word[], position: number): boolean {
  const target = words[position];
  if (target === undefined) return false;
  for (let index = position - 1; index >= 0; index--) {
    const word = words[index];
    if (word === undefined || word.clause !== target.clause || clauseResets.has(word.word)) return false;
    if (strongNegations.has(word.word)) return true;
    if (weakNegations.has(word.word) && position - index <= 2) return true;
  }
  return false;
}

function hasNegation(words: readonly Word[]): boolean {
  return words.some((word) => strongNegations.has(word.word) || weakNegations.has(word.word));
}

/** Words of the reply outside `consumed` (filler words do not count with NLP). */
function extraWords(reply: readonly Word[], consumed: ReadonlySet<number>): number {
  return reply.filter((word) => !word.filler && !consumed.has(word.index)).length;
}

/**
 * 'normalized': the keyword's words equal the reply's (score 0.95), or appear as one run
 * inside a short reply, not negated (0.9): "Yes please!" for "yes", "cancel my order" for
 * "cancel"; "not interested" does not match "interested".
 */
function matchPhrase(reply: readonly Word[], keyword: readonly Word[]): ContentMatch | undefined {
  const length = keyword.length;
  if (length === 0 || reply.length < length) return undefined;
  const negatable = !hasNegation(keyword);
  for (let start = 0; start + length <= reply.length; start++) {
    const run = reply.slice(start, start + length);
    if (!run.every((word, offset) => word.word === keyword[offset]?.word)) continue;
    if (reply.length === length) return { method: 'normalized', score: 0.95, extra: 0 };
    if (negatable && isNegated(reply, start)) continue;
    const extra = extraWords(reply, new Set(run.map((word) => word.index)));
    if (extra <= maxExtraWords) return { method: 'normalized', score: extra === 0 ? 0.95 : 0.9, extra };
  }
  return undefined;
}

/** Every place where `term` occurs as consecutive content words of one clause, as reply word indexes. */
function findTerm(content: readonly Word[], reply: readonly Word[], term: Term, negatable: boolean): number[][] {
  const found: number[][] = [];
  for (let start = 0; start + term.stems.length <= content.length; start++) {
    const run = content.slice(start, start + term.stems.length);
    const first = run[0];
    if (first === undefined) continue;
    if (!run.every((word, offset) => word.stem === term.stems[offset] && word.clause === first.clause)) continue;
    if (negatable && isNegated(reply, first.index)) continue;
    found.push(run.map((word) => word.index));
  }
  return found;
}

/** Damerau similarity of two words when a typo between them is plausible, else 0. */
function typoSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (Math.max(a.length, b.length) < 4 || a[0] !== b[0]) return 0;
  if (!letterWord.test(a) || !letterWord.test(b)) return 0;
  return damerauLevenshtein(a, b).similarity;
}

type UnitMatch = { method: 'stem' | 'synonym' | 'fuzzy'; positions: number[]; similarity: number };

/**
 * Finds one keyword content word in the reply, trying the methods up to `level` in
 * order: 'stem' (same Porter stem), 'synonym' (any term of a group listing the word),
 * 'fuzzy' (a typo of the word, of its stem — "cancle" ~ "cancellation" — or of one of its
 * one-word synonyms).
 */
function matchUnit(
  unit: Term,
  reply: readonly Word[],
  content: readonly Word[],
  groups: readonly SynonymGroup[],
  negatable: boolean,
  level: KeywordMatchMethod,
): UnitMatch | undefined {
  const stemHit = findTerm(content, reply, unit, negatable)[0];
  if (stemHit !== undefined) return { method: 'stem', positions: stemHit, similarity: 1 };
  if (methodRank[level] < methodRank.synonym) return undefined;
  const stem = unit.stems[0];
  const related = groups.filter((group) => group.some((term) => term.stems.length === 1 && term.stems[0] === stem));
  for (const term of related.flat()) {
    const hit = findTerm(content, reply, term, negatable)[0];
    if (hit !== undefined) return { method: 'synonym', positions: hit, similarity: 1 };
  }
  if (methodRank[level] < methodRank.fuzzy) return undefined;
  const candidates = [unit, ...related.flat().filter((term) => term.words.length === 1)];
  let best: UnitMatch | undefined;
  for (const word of content) {
    if (negatable && isNegated(reply, word.index)) continue;
    for (const candidate of candidates) {
      const similarity = Math.max(
        typoSimilarity(word.word, candidate.words[0] ?? ''),
        typoSimilarity(word.word, candidate.stems[0] ?? ''),
      );
      if (similarity >= fuzzySimilarityThreshold && (best === undefined || similarity > best.similarity)) {
        best = { method: 'fuzzy', positions: [word.index], similarity };
      }
    }
  }
  return best;
}

/**
 * NLP match of the keyword's content words against the reply's, at the weakest method
 * needed: every content word must be found (negated occurrences do not count unless the
 * keyword itself negates), and the reply may carry at most maxExtraWords other content words.
 * A keyword that as a whole is a multi-word synonym ("customer service") also matches
 * any term of its group ("human").
 */
function matchContent(
  reply: readonly Word[],
  keyword: readonly Word[],
  groups: readonly SynonymGroup[],
): ContentMatch | undefined {
  const units: Term[] = keyword.filter((word) => !word.filler).map((word) => ({ words: [word.word], stems: [word.stem] }));
  if (units.length === 0) return undefined;
  const content = reply.filter((word) => !word.filler);
  const negatable = !hasNegation(keyword);
  const keywordStems = units.map((unit) => unit.stems[0]).join(' ');

  for (const level of ['stem', 'synonym', 'fuzzy'] as const) {
    const matches = units.map((unit) => matchUnit(unit, reply, content, groups, negatable, level));
    if (matches.every((match): match is UnitMatch => match !== undefined)) {
      const extra = extraWords(reply, new Set(matches.flatMap((match) => match.positions)));
      if (extra <= maxExtraWords) {
        const method = matches.reduce<UnitMatch['method']>(
          (weakest, match) => (methodRank[match.method] > methodRank[weakest] ? match.method : weakest),
          'stem',
        );
        const similarity = Math.min(...matches.map((match) => match.similarity));
        return { method, score: scoreOf(method, similarity), extra };
      }
    }
    if (level === 'synonym' && units.length > 1) {
      const whole = groups.filter((group) => group.some((term) => term.stems.join(' ') === keywordStems));
      for (const term of whole.flat()) {
        for (const hit of findTerm(content, reply, term, negatable)) {
          const extra = extraWords(reply, new Set(hit));
          if (extra <= maxExtraWords) return { method: 'synonym', score: scoreOf('synonym', 1), extra };
        }
      }
    }
  }
  return undefined;
}

/**
 * Scores: 1 exact; 0.95 normalized equal, 0.9 normalized inside a reply (matchPhrase);
 * 0.85 stem; 0.8 synonym; 0.75 × the weakest typo's similarity for fuzzy (0.56–0.75).
 */
function scoreOf(method: 'stem' | 'synonym' | 'fuzzy', similarity: number): number {
  switch (method) {
    case 'stem':
      return 0.85;
    case 'synonym':
      return 0.8;
    case 'fuzzy':
      return Math.round(0.75 * similarity * 1000) / 1000;
  }
}

function sameText(a: string, b: string): boolean {
  return a.normalize('NFKC').trim().toLowerCase() === b.normalize('NFKC').trim().toLowerCase();
}

/**
 * Which of the User response element's keywords a reply matches, or null.
 *
 * Without NLP a reply matches a keyword when it is the keyword ignoring case and outer
 * spaces ('exact'), or the keyword's words ignoring punctuation and spacing, alone or as
 * one run inside a short reply with at most maxExtraWords other words, not negated
 * ('normalized': "Yes please!" and "yes, sure" match "yes"; "not interested" does not
 * match "interested").
 *
 * With NLP (`options.nlp`), replies "similar in meaning" match too. Words are also folded
 * (diacritics, "yesss"), and the keyword's content words (filler words like "I want to
 * talk to" dropped) must each be found in the reply by Porter stem ('stem':
 * "cancellation" ~ "cancel my order"), by a synonym from the built-in table or
 * `options.synonyms` ('synonym': "talk to a human" ~ "agent", "sure" ~ "yes"), or with a
 * typo ('fuzzy': "yess", "agnet"; see fuzzySimilarityThreshold; letters only, 4+
 * letters, same first letter, so "no" never becomes "yes"). Negated words never count.
 *
 * Keywords are evaluated in the configured order, by strength: the first keyword the
 * reply matches exactly wins; if none, the first matching 'normalized'; then 'stem',
 * 'synonym', 'fuzzy'. Within one method, a keyword that leaves fewer reply words
 * unexplained beats an earlier one ("order status" picks "Order status" over "Order").
 * So a reply naming a later keyword is never taken by an earlier keyword's part, synonym
 * or typo ("older" picks "Older", not "Order"). Replies over maxKeywordReplyLength
 * characters and blank keywords never match.
 */
export function matchKeyword(text: string, keywords: readonly string[], options: MatchKeywordOptions): KeywordMatch | null {
  if (text.length > maxKeywordReplyLength) return null;
  const nlp = options.nlp;
  const reply = wordsOf(text, nlp);
  const groups = nlp ? [...builtInGroups, ...(options.synonyms ?? []).map(groupOf)] : [];
  let best: (KeywordMatch & { extra: number }) | null = null;
  for (const [index, keyword] of keywords.entries()) {
    if (keyword.trim() === '') continue;
    const match = matchOne(text, reply, keyword, nlp, groups);
    if (match === undefined) continue;
    if (best === null || methodRank[match.method] < methodRank[best.method] || (match.method === best.method && match.extra < best.extra)) {
      best = { index, keyword, method: match.method, score: match.score, extra: match.extra };
      if (match.method === 'exact') break;
    }
  }
  return best === null ? null : { index: best.index, keyword: best.keyword, method: best.method, score: best.score };
}

function matchOne(
  text: string,
  reply: readonly Word[],
  keyword: string,
  nlp: boolean,
  groups: readonly SynonymGroup[],
): ContentMatch | undefined {
  if (sameText(text, keyword)) return { method: 'exact', score: 1, extra: 0 };
  const keywordWords = wordsOf(keyword, nlp);
  return matchPhrase(reply, keywordWords) ?? (nlp ? matchContent(reply, keywordWords, groups) : undefined);
}
