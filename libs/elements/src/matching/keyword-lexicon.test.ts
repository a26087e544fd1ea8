import { describe, expect, it } from 'vitest';
import { keywordLexicon } from './keyword-lexicon';
import { tokenizeReply } from './tokenize-reply';

describe('keywordLexicon', () => {
  it('gives every synonym at least one content word, in the folded form replies take', () => {
    const fillers = new Set<string>(keywordLexicon.fillerWords);
    for (const group of keywordLexicon.synonymGroups) {
      for (const term of group.terms) {
        const words = tokenizeReply(term, { nlp: true }).map((token) => token.word);
        expect(words.join(' '), term).toBe(term);
        expect(words.some((word) => !fillers.has(word)), term).toBe(true);
      }
    }
  });

  it('never lists an answer or a negation as filler', () => {
    const answers = keywordLexicon.synonymGroups.flatMap((group) => group.terms);
    const negations = [...keywordLexicon.strongNegations, ...keywordLexicon.weakNegations];
    for (const filler of keywordLexicon.fillerWords) {
      expect(answers, filler).not.toContain(filler);
      expect(negations, filler).not.toContain(filler);
    }
  });
});
