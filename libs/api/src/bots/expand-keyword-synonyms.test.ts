import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expandKeywordSynonyms } from './expand-keyword-synonyms';
import { wordnetSynonyms } from './wordnet-synonyms';

describe('wordnetSynonyms', () => {
  it("gives the other words of a keyword's most frequent sense, in its most used part of speech", () => {
    expect(wordnetSynonyms('large')).toEqual(['big']);
    expect(wordnetSynonyms('Buy')).toEqual(['purchase']);
    expect(wordnetSynonyms('cancel')).toEqual(['call off', 'scratch', 'scrub']);
    expect(wordnetSynonyms('credit card')).toContain('charge card');
  });

  it('has nothing for unknown words, long phrases and symbols', () => {
    for (const keyword of ['xyzzy', 'Talk to an agent now', '👍', '', '42']) expect(wordnetSynonyms(keyword), keyword).toEqual([]);
  });
});

describe('expandKeywordSynonyms', () => {
  const flow = (nlp: boolean) => ({
    version: 1,
    dialogs: [
      {
        id: 'main',
        elements: [
          {
            id: 'ask',
            type: 'user-response',
            nlp,
            keywords: [
              { id: 'large', text: 'Large' },
              { id: 'buy', text: 'Buy', synonyms: ['purchase'] },
              { id: 'odd', text: 'xyzzy', expandedSynonyms: ['stale'] },
            ],
          },
        ],
      },
    ],
    components: [{ id: 'c', dialogs: [{ id: 'd', elements: [{ id: 'e', type: 'user-response', nlp: true, keywords: [{ id: 'k', text: 'large' }] }] }] }],
  });

  it("adds the keyword's English synonyms to NLP keywords, not repeating the author's, in the bot and its components", () => {
    const input = flow(true);
    const expanded = expandKeywordSynonyms(input);
    expect(expanded).toMatchObject({
      dialogs: [{ elements: [{ keywords: [{ text: 'Large', expandedSynonyms: ['big'] }, { text: 'Buy', synonyms: ['purchase'] }, { text: 'xyzzy' }] }] }],
      components: [{ dialogs: [{ elements: [{ keywords: [{ expandedSynonyms: ['big'] }] }] }] }],
    });
    const shape = z.object({ dialogs: z.array(z.object({ elements: z.array(z.object({ keywords: z.array(z.record(z.string(), z.unknown())) })) })) });
    const keywords = shape.parse(expanded).dialogs[0]?.elements[0]?.keywords ?? [];
    expect(keywords[1]).not.toHaveProperty('expandedSynonyms');
    // A stale expansion is replaced, and the input is left as it was.
    expect(keywords[2]).not.toHaveProperty('expandedSynonyms');
    expect(input.dialogs[0]?.elements[0]?.keywords[0]).not.toHaveProperty('expandedSynonyms');
  });

  it('leaves keywords without NLP alone', () => {
    expect(expandKeywordSynonyms(flow(false))).toMatchObject({ dialogs: [{ elements: [{ keywords: [{ text: 'Large' }, { text: 'Buy' }, { text: 'xyzzy', expandedSynonyms: ['stale'] }] }] }] });
  });
});
