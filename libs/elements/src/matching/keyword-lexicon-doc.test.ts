import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keywordLexicon } from './keyword-lexicon';

/** docs/elements.md lists the built-in lexicon users' replies are matched with: keep it whole. */
describe('the built-in lexicon in docs/elements.md', () => {
  const docs = readFileSync(new URL('../../../../docs/elements.md', import.meta.url), 'utf8');
  const section = docs.slice(docs.indexOf('**The built-in lexicon**'), docs.indexOf('**Saving.**'));

  it('lists every synonym group with all its terms, and every filler word, negation and clause reset', () => {
    expect(section.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const group of keywordLexicon.synonymGroups) {
      const row = section.split('\n').find((line) => line.startsWith(`| ${group.intent} |`)) ?? '';
      for (const term of group.terms) if (!row.includes(`\`${term}\``)) missing.push(`${group.intent}: ${term}`);
    }
    for (const word of [...keywordLexicon.fillerWords, ...keywordLexicon.strongNegations, ...keywordLexicon.weakNegations, ...keywordLexicon.clauseResets]) {
      if (!section.includes(`\`${word}\``)) missing.push(word);
    }
    expect(missing, `docs/elements.md misses: ${missing.join(', ')}`).toEqual([]);
  });
});
